package io.nats4j.service;

import io.nats4j.service.internal.Names;
import java.util.Objects;

/**
 * A group of endpoints: a subject prefix, and optionally a queue group for its endpoints (ADR-32
 * "Groups"). An endpoint {@code add} in group {@code math} listens on {@code math.add}.
 *
 * <p>Thread-safety: immutable.
 *
 * <pre>{@code
 * Group math = Group.named("math").withQueueGroup("math-workers");
 * service.addEndpoint(math, Endpoint.builder("add").handler(this::add).build());
 * }</pre>
 */
public final class Group {
  private final String prefix;
  private final QueueGroupChoice queue;

  private Group(String prefix, QueueGroupChoice queue) {
    this.prefix = prefix;
    this.queue = queue;
  }

  /**
   * Creates a group whose endpoints use the service's queue group.
   *
   * @param name a subject prefix: dot-separated tokens, no whitespace, no {@code >}
   * @return the group
   * @throws IllegalArgumentException if the name is not a valid prefix
   */
  public static Group named(String name) {
    return new Group(Names.group(name), QueueGroupChoice.INHERIT);
  }

  /**
   * Returns a subgroup: its prefix is {@code <this prefix>.<name>}; it inherits this group's queue
   * group.
   *
   * @param name the subgroup's name
   * @return the subgroup
   * @throws IllegalArgumentException if the name is not a valid prefix
   */
  public Group subgroup(String name) {
    return new Group(Names.group(prefix + "." + name), queue);
  }

  /**
   * Returns this group with its own queue group for its endpoints.
   *
   * @param queueGroup the queue group
   * @return the group
   * @throws IllegalArgumentException if the queue group is invalid
   */
  public Group withQueueGroup(String queueGroup) {
    return new Group(prefix, QueueGroupChoice.of(Names.queueGroup("group " + prefix, queueGroup)));
  }

  /**
   * Returns this group with plain (not queue) subscriptions for its endpoints: every instance gets
   * every request.
   *
   * @return the group
   */
  public Group withoutQueueGroup() {
    return new Group(prefix, QueueGroupChoice.NONE);
  }

  /**
   * Returns the subject prefix.
   *
   * @return the prefix
   */
  public String prefix() {
    return prefix;
  }

  QueueGroupChoice queueChoice() {
    return queue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Group g && g.prefix.equals(prefix) && g.queue.equals(queue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(prefix, queue);
  }

  @Override
  public String toString() {
    return "Group{" + prefix + ", queue=" + queue + "}";
  }
}
