package io.nats4j.jetstream.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PersistMode;
import io.nats4j.jetstream.PriorityPolicy;
import io.nats4j.jetstream.ReplayPolicy;
import io.nats4j.jetstream.RetentionPolicy;
import io.nats4j.jetstream.StorageType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The one Jackson mapper of the JetStream module and its wire conventions.
 *
 * <p>Reading ignores unknown fields (newer servers add fields) and maps unknown enum strings to
 * null. Writing omits nulls, zeros, {@code false}, empty collections and zero durations: servers
 * from 2.12 on reject unknown fields, so a field is only ever sent when the caller set it.
 *
 * <p>The public types carry no Jackson annotation: the mapper reads and writes their private fields
 * (getters and setters are invisible to it), creating a read type through its private no-argument
 * constructor and skipping JSON nulls so the constructor's defaults stay. JSON names are the
 * snake_case of the field names (a field is named after the server's JSON where the accessor reads
 * better, e.g. {@code ts} behind {@code timestamp()}). Records (the internal request and page
 * bodies, {@code ApiError}) are read through their canonical constructors. Enums are written with
 * their {@code wireName()}, registered here one by one, and an unknown wire name reads as null.
 * Durations are nanosecond integers; times are RFC 3339 strings, and Go's zero time ({@code
 * 0001-01-01T00:00:00Z}) reads as null.
 *
 * <p>Thread-safety: the mapper is configured once and then only used, which Jackson supports from
 * any number of threads.
 */
public final class JsonMapper {
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
  private static final ObjectMapper MAPPER = create();

  private JsonMapper() {}

  /**
   * Returns the shared mapper.
   *
   * @return the mapper configured for the JetStream wire format
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value as UTF-8 JSON bytes.
   *
   * @param value the record to write
   * @return the JSON
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads JSON bytes as a tree.
   *
   * @param json the bytes
   * @return the tree
   * @throws JetStreamException if the bytes are not JSON
   */
  public static JsonNode readTree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new JetStreamException("the server's response is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Reads JSON bytes as the given type.
   *
   * @param json the bytes
   * @param type the record type
   * @param <T> the type
   * @return the value
   * @throws JetStreamException if the bytes do not match the type
   */
  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new JetStreamException(
          "cannot read the server's response as " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Reads JSON bytes with a reader made once for one type (no type lookup per call).
   *
   * @param json the bytes
   * @param reader the reader, from {@code mapper().readerFor(type)}
   * @param <T> the type
   * @return the value
   * @throws JetStreamException if the bytes do not match the type
   */
  public static <T> T read(byte[] json, ObjectReader reader) {
    try {
      return reader.readValue(json);
    } catch (IOException e) {
      throw new JetStreamException(
          "cannot read the server's response as "
              + reader.getValueType().getRawClass().getSimpleName()
              + ": "
              + e.getMessage());
    }
  }

  /**
   * Converts a tree to the given type.
   *
   * @param tree the JSON tree
   * @param type the record type
   * @param <T> the type
   * @return the value
   * @throws JetStreamException if the tree does not match the type
   */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new JetStreamException(
          "cannot read the server's response as " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  private static ObjectMapper create() {
    SimpleModule wire = new SimpleModule("nats4j-jetstream-wire");
    wire.addSerializer(Duration.class, new NanosSerializer());
    wire.addDeserializer(Duration.class, new NanosDeserializer());
    wire.addSerializer(Instant.class, new InstantSerializer());
    wire.addDeserializer(Instant.class, new InstantDeserializer());
    wireEnum(wire, AckPolicy.class, AckPolicy.values(), AckPolicy::wireName);
    wireEnum(wire, Compression.class, Compression.values(), Compression::wireName);
    wireEnum(wire, DeliverPolicy.class, DeliverPolicy.values(), DeliverPolicy::wireName);
    wireEnum(wire, DiscardPolicy.class, DiscardPolicy.values(), DiscardPolicy::wireName);
    wireEnum(wire, PersistMode.class, PersistMode.values(), PersistMode::wireName);
    wireEnum(wire, PriorityPolicy.class, PriorityPolicy.values(), PriorityPolicy::wireName);
    wireEnum(wire, ReplayPolicy.class, ReplayPolicy.values(), ReplayPolicy::wireName);
    wireEnum(wire, RetentionPolicy.class, RetentionPolicy.values(), RetentionPolicy::wireName);
    wireEnum(wire, StorageType.class, StorageType.values(), StorageType::wireName);
    Builder builder =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.SETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
            .serializationInclusion(JsonInclude.Include.NON_DEFAULT)
            .addModule(wire);
    return builder.build();
  }

  private static <E extends Enum<E>> void wireEnum(
      SimpleModule module, Class<E> type, E[] values, Function<E, String> wireName) {
    Map<String, E> byName = new HashMap<>();
    for (E value : values) {
      byName.put(wireName.apply(value), value);
    }
    module.addSerializer(
        type,
        new JsonSerializer<E>() {
          @Override
          public void serialize(E value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(wireName.apply(value));
          }
        });
    module.addDeserializer(
        type,
        new JsonDeserializer<E>() {
          @Override
          public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // A value this client does not know yet (a newer server) reads as null.
            return byName.get(p.getValueAsString());
          }
        });
  }

  /** Durations as nanosecond integers; zero counts as empty so it is not written. */
  private static final class NanosSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeNumber(value.toNanos());
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Duration value) {
      return value == null || value.isZero();
    }
  }

  private static final class NanosDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        long nanos = p.getLongValue();
        // 0 means "unset" on the wire (the server omits or zeroes defaults), as null does here.
        return nanos == 0 ? null : Duration.ofNanos(nanos);
      }
      return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        Instant instant = Rfc3339.parse(text);
        return instant.equals(GO_ZERO_TIME) ? null : instant;
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 time");
      }
    }
  }
}
