package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import io.nats4j.client.AuthenticationException;
import io.nats4j.client.AuthorizationException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.NatsException;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.protocol.Info;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.RequestMux;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the reader hands up besides messages: a new INFO (discovered servers, lame duck), a {@code
 * -ERR} (classified into a permission failure of one request or subscription, or an error that will
 * end the session), and the loss of the transport. Lifecycle decisions go to the {@link Lifecycle}.
 *
 * <p>Thread-safety: called on the reader thread (and {@link #onTransportLost} also on the writer).
 */
final class ServerOpHandler implements InboundReader.Sink {
  private final Lifecycle lifecycle;
  private final Outbound outbound;
  private final RequestMux mux;
  private final SubscriptionTable table;
  private final Listeners listeners;

  ServerOpHandler(
      Lifecycle lifecycle,
      Outbound outbound,
      RequestMux mux,
      SubscriptionTable table,
      Listeners listeners) {
    this.lifecycle = lifecycle;
    this.outbound = outbound;
    this.mux = mux;
    this.table = table;
    this.listeners = listeners;
  }

  @Override
  public void onInfo(Info info) {
    ServerInfo next = info.info();
    ServerInfo previous = lifecycle.serverInfo(next);
    outbound.maxPayload(next.maxPayload());
    String server = lifecycle.currentUrl();
    List<String> discovered = lifecycle.pool().discovered(next.connectUrls());
    if (!discovered.isEmpty()) {
      listeners.post(new ConnectionEvent.ServersDiscovered(discovered));
    }
    if (next.lameDuckMode() && (previous == null || !previous.lameDuckMode())) {
      listeners.post(new ConnectionEvent.LameDuck(server));
      lifecycle.leaveLameDuck();
    }
  }

  @Override
  public void onServerError(String text) {
    AsyncError.PermissionDenied denied = ServerErrors.permission(text);
    if (denied != null) {
      lifecycle.serverError(new AuthorizationException("the server reported: " + text));
      if (denied.operation() == AsyncError.Operation.PUBLISH) {
        // a request to a denied subject would otherwise only time out
        mux.failPublishedTo(
            denied.subject(),
            new AuthorizationException("the server denied publishing the request: " + text));
      } else if (denied.subject().equals(mux.subject())) {
        mux.resubscribeOnNextRequest();
        mux.failAll(
            new AuthorizationException(
                "the server denied the reply subscription " + mux.subject() + ": " + text));
      }
      List<NatsSubscription> own = new ArrayList<>();
      if (denied.operation() == AsyncError.Operation.SUBSCRIBE) {
        String queue = ServerErrors.queueOf(text);
        AuthorizationException failure =
            new AuthorizationException("the server denied the subscription: " + text);
        for (NatsSubscription sub : table.all()) {
          if (sub.subject().equals(denied.subject()) && Objects.equals(sub.queue(), queue)) {
            own.add(sub);
            sub.fail(failure);
          }
        }
      }
      listeners.report(denied, own);
      return;
    }
    lifecycle.serverError(new NatsException("the server reported: " + text));
    listeners.report(new AsyncError.ServerError(text));
  }

  @Override
  public void onTransportLost(Transport lost, Throwable cause, String lastServerError) {
    Throwable reason = cause;
    if (lastServerError != null) {
      NatsException error =
          ServerErrors.isAuthentication(lastServerError)
              ? new AuthenticationException("the server ended the session: " + lastServerError)
              : new NatsException("the server ended the session: " + lastServerError);
      error.addSuppressed(cause);
      reason = error;
    }
    lifecycle.disconnect(lost, reason, false, false);
  }
}
