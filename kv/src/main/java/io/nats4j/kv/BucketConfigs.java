package io.nats4j.kv;

import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamSource;
import io.nats4j.jetstream.SubjectTransform;
import io.nats4j.kv.internal.KvNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Maps a bucket configuration to its stream configuration and back, as nats.go does. */
final class BucketConfigs {
  private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

  private BucketConfigs() {}

  static String streamName(String bucket) {
    return KvNames.STREAM_PREFIX + bucket;
  }

  static String subjects(String bucket) {
    return "$KV." + bucket + ".>";
  }

  static StreamConfig toStream(KeyValueConfig c) {
    Duration duplicates = TWO_MINUTES;
    if (c.ttl() != null && c.ttl().compareTo(TWO_MINUTES) < 0) {
      duplicates = c.ttl();
    }
    StreamConfig.Builder b =
        StreamConfig.builder(streamName(c.bucket()))
            .description(c.description())
            .maxMsgsPerSubject(c.history())
            .maxBytes(c.maxBucketBytes())
            .maxAge(c.ttl())
            .maxMsgSize(c.maxValueSize())
            .storage(c.storage())
            .numReplicas(c.replicas())
            .placement(c.placement())
            .allowRollupHdrs(true)
            .denyDelete(true)
            .duplicateWindow(duplicates)
            .maxMsgs(-1)
            .maxConsumers(-1)
            .allowDirect(true)
            .republish(c.republish())
            .discard(DiscardPolicy.NEW)
            .metadata(c.metadata());
    if (c.compression()) {
      b.compression(Compression.S2);
    }
    if (c.limitMarkerTtl() != null) {
      b.allowMsgTtl(true).subjectDeleteMarkerTtl(c.limitMarkerTtl());
    }
    if (c.mirror() != null) {
      StreamSource m = c.mirror();
      b.mirror(
          new StreamSource(
              withPrefix(m.name()),
              m.optStartSeq(),
              m.optStartTime(),
              m.filterSubject(),
              m.subjectTransforms(),
              m.external()));
      b.mirrorDirect(true);
    } else {
      List<StreamSource> sources = new ArrayList<>();
      for (StreamSource s : c.sources()) {
        if (s.subjectTransforms() != null && !s.subjectTransforms().isEmpty()) {
          sources.add(s);
          continue;
        }
        String sourceBucket =
            s.name().startsWith(KvNames.STREAM_PREFIX)
                ? s.name().substring(KvNames.STREAM_PREFIX.length())
                : s.name();
        List<SubjectTransform> transforms = null;
        if (s.external() == null || !sourceBucket.equals(c.bucket())) {
          transforms = List.of(new SubjectTransform(subjects(sourceBucket), subjects(c.bucket())));
        }
        sources.add(
            new StreamSource(
                streamName(sourceBucket),
                s.optStartSeq(),
                s.optStartTime(),
                s.filterSubject(),
                transforms,
                s.external()));
      }
      b.sources(sources.toArray(new StreamSource[0]));
      b.subjects(subjects(c.bucket()));
    }
    return b.build();
  }

  /**
   * Where a handle reads and writes keys, as nats.go decides it: {read prefix, write prefix}.
   * Writes carry the API prefix when it is not {@code $JS.API}; a mirror writes to its origin
   * (through the mirror's external API prefix when it has one, which also becomes the read prefix's
   * bucket).
   */
  static String[] prefixes(String bucket, StreamConfig config, String apiPrefix) {
    boolean useJsPrefix = !"$JS.API".equals(apiPrefix);
    String read = "$KV." + bucket + ".";
    String put = null;
    StreamSource mirror = config.mirror();
    if (mirror != null) {
      String origin =
          mirror.name().startsWith(KvNames.STREAM_PREFIX)
              ? mirror.name().substring(KvNames.STREAM_PREFIX.length())
              : mirror.name();
      if (mirror.external() != null
          && mirror.external().apiPrefix() != null
          && !mirror.external().apiPrefix().isEmpty()) {
        useJsPrefix = false;
        read = "$KV." + origin + ".";
        put = mirror.external().apiPrefix() + ".$KV." + origin + ".";
      } else {
        put = "$KV." + origin + ".";
      }
    }
    String write = (useJsPrefix ? apiPrefix + "." : "") + (put != null ? put : read);
    return new String[] {read, write};
  }

  private static String withPrefix(String name) {
    return name.startsWith(KvNames.STREAM_PREFIX) ? name : KvNames.STREAM_PREFIX + name;
  }

  static KeyValueConfig fromStream(String bucket, StreamConfig s) {
    KeyValueConfig.Builder b =
        KeyValueConfig.builder(bucket)
            .description(s.description())
            .history((int) Math.max(1, Math.min(KeyValueConfig.MAX_HISTORY, s.maxMsgsPerSubject())))
            .ttl(s.maxAge())
            .maxValueSize(
                s.maxMsgSize() <= 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, s.maxMsgSize()))
            .maxBucketBytes(s.maxBytes() <= 0 ? -1 : s.maxBytes())
            .storage(s.storage() == null ? io.nats4j.jetstream.StorageType.FILE : s.storage())
            .replicas(Math.max(1, s.numReplicas()))
            .placement(s.placement())
            .compression(s.compression() != null && s.compression() != Compression.NONE)
            .metadata(s.metadata())
            .republish(s.republish())
            .mirror(s.mirror())
            .limitMarkerTtl(s.subjectDeleteMarkerTtl());
    if (s.mirror() == null) {
      b.sources(s.sources().toArray(new StreamSource[0]));
    }
    return b.build();
  }
}
