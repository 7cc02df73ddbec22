package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.opentelemetry.NatsTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;

/**
 * Traces a request from one connection to a responder on another: the OpenTelemetry SDK prints each
 * span to the console (the logging exporter), and all of them share one trace id, carried in the
 * message headers as {@code traceparent}.
 *
 * <p>Run: {@code TracingToConsole <server-url>}
 */
public final class TracingToConsole {

  private TracingToConsole() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build()) {
      NatsTelemetry telemetry = NatsTelemetry.create(otel);
      Options.Builder options = Options.builder().server(url).observer(telemetry.observer());
      try (Connection service = Nats.connect(options.name("sample-service").build());
          Connection client = Nats.connect(options.name("sample-client").build())) {
        service
            .defaultDispatcher()
            .subscribe(
                "samples.time",
                m -> {
                  System.out.println("service got traceparent " + m.headers().first("traceparent"));
                  m.respond("it is " + java.time.LocalTime.now());
                });
        service.flush(Duration.ofSeconds(5));
        String reply =
            client.request("samples.time", new byte[0], Duration.ofSeconds(5)).dataAsString();
        System.out.println("client got: " + reply);
      }
    }
    System.out.println("spans printed above: request (CLIENT) -> process (CONSUMER) -> publish");
  }
}
