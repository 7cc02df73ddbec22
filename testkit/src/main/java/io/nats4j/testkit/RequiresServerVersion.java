package io.nats4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips a test class or method when the located {@code nats-server} is older than {@link #value()};
 * the reason is printed to standard error and reported to JUnit. A missing binary is not a skip: it
 * fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresServerVersionCondition.class)
public @interface RequiresServerVersion {
  /**
   * The oldest server version the test works with, e.g. {@code "2.12.0"}.
   *
   * @return the version, e.g. {@code "2.12.0"}
   */
  String value();
}
