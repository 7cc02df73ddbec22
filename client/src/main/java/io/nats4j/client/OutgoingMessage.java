package io.nats4j.client;

/** A message built with {@link Message#builder(String)}: it has no connection to respond on. */
record OutgoingMessage(String subject, String replyTo, Headers optionalHeaders, byte[] data)
    implements Message {

  @Override
  public boolean hasHeaders() {
    return optionalHeaders != null;
  }

  @Override
  public Headers headers() {
    return optionalHeaders == null ? new Headers().readOnly() : optionalHeaders;
  }

  @Override
  public int statusCode() {
    return optionalHeaders == null ? 0 : optionalHeaders.statusCode();
  }

  @Override
  public Subscription subscription() {
    return null;
  }

  @Override
  public void respond(byte[] data) {
    throw new IllegalStateException("a message built locally has no connection to respond on");
  }

  @Override
  public void respond(Headers headers, byte[] data) {
    respond(data);
  }

  @Override
  public String toString() {
    return "Message[subject=" + subject + ", replyTo=" + replyTo + ", bytes=" + data.length + "]";
  }
}
