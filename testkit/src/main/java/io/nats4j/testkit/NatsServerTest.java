package io.nats4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose constructor, {@code @BeforeAll}, {@code @BeforeEach} and test methods
 * may take a {@link NatsServer} parameter; see {@link NatsServerExtension}.
 *
 * <pre>{@code
 * @NatsServerTest
 * @JetStream
 * class StreamIT {
 *   @Test
 *   void createsStream(NatsServer server) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NatsServerExtension.class)
public @interface NatsServerTest {}
