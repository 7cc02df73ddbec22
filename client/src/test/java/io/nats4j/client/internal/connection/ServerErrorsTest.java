package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AsyncError;
import org.junit.jupiter.api.Test;

class ServerErrorsTest {

  @Test
  void classifiesPermissionErrorsWithTheirSubject() {
    AsyncError.PermissionDenied pub =
        ServerErrors.permission("Permissions Violation for Publish to \"secret.x\"");
    assertEquals(AsyncError.Operation.PUBLISH, pub.operation());
    assertEquals("secret.x", pub.subject());

    String sub = "Permissions Violation for Subscription to \"private.>\" using queue \"q1\"";
    AsyncError.PermissionDenied denied = ServerErrors.permission(sub);
    assertEquals(AsyncError.Operation.SUBSCRIBE, denied.operation());
    assertEquals("private.>", denied.subject());
    assertEquals("q1", ServerErrors.queueOf(sub));
    assertNull(ServerErrors.queueOf("Permissions Violation for Subscription to \"a\""));

    assertNull(ServerErrors.permission("Unknown Protocol Operation"));
  }

  @Test
  void recognisesAuthenticationErrors() {
    assertTrue(ServerErrors.isAuthentication("Authorization Violation"));
    assertTrue(ServerErrors.isAuthentication("User Authentication Expired"));
    assertTrue(ServerErrors.isAuthentication("Authentication Timeout"));
    assertFalse(ServerErrors.isAuthentication("Stale Connection"));
    assertFalse(ServerErrors.isAuthentication("Maximum Payload Violation"));
  }
}
