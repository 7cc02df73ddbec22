package io.nats4j.service;

/**
 * Handles the requests of one endpoint.
 *
 * <p>Thread-safety: called on the service's endpoint dispatcher thread, one request at a time, or
 * on the {@link ServiceBuilder#executor executor} (then concurrently) if one is set. A handler that
 * throws gets a {@code 500} error reply sent for it (or the code of a {@link
 * ServiceErrorException}) and the error is counted; the service keeps serving.
 */
@FunctionalInterface
public interface ServiceHandler {
  /**
   * Handles a request; reply with {@link ServiceRequest#respond} or {@link
   * ServiceRequest#respondError}.
   *
   * @param request the request
   * @throws Exception anything: answered with an error reply and counted as an error
   */
  void handle(ServiceRequest request) throws Exception;
}
