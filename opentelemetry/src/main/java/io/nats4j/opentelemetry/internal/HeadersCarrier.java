package io.nats4j.opentelemetry.internal;

import io.nats4j.client.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Puts trace context into message headers and reads it back (a propagator's carrier). */
enum HeadersCarrier implements TextMapSetter<Headers>, TextMapGetter<Headers> {
  INSTANCE;

  @Override
  public void set(Headers headers, String key, String value) {
    if (headers != null) {
      headers.put(key, value);
    }
  }

  @Override
  public Iterable<String> keys(Headers headers) {
    return headers.keys();
  }

  @Override
  public String get(Headers headers, String key) {
    if (headers == null) {
      return null;
    }
    String value = headers.first(key);
    if (value != null) {
      return value;
    }
    // header names are case-sensitive on the wire; propagators ask in lower case
    for (String k : headers.keys()) {
      if (k.equalsIgnoreCase(key)) {
        return headers.first(k);
      }
    }
    return null;
  }
}
