package io.nats4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link NatsServerTest} class: the injected server also listens for WebSocket clients and its
 * {@link NatsServer#clientUrl()} is the {@code ws://} URL, so the class's tests run over WebSocket.
 * Subclass an existing IT class and annotate the subclass to rerun its tests over WebSocket.
 *
 * <pre>{@code
 * @OverWebSocket
 * class PubSubOverWebSocketIT extends PubSubIT {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OverWebSocket {
  /**
   * Whether the listener offers per-message compression.
   *
   * @return true for {@code compression: true}
   */
  boolean compression() default false;
}
