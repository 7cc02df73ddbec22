package io.nats4j.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Publish and subscribe permissions of one configured user, rendered into the server's {@code
 * permissions} block. Empty lists are left out of the configuration.
 *
 * <p>Immutable and thread-safe. Example: {@code Permissions.publishAllow("orders.>")
 * .andSubscribeAllow("_INBOX.>")}.
 *
 * @param publishAllow subjects the user may publish to (empty: no allow list)
 * @param publishDeny subjects the user may not publish to
 * @param subscribeAllow subjects the user may subscribe to (empty: no allow list)
 * @param subscribeDeny subjects the user may not subscribe to
 */
public record Permissions(
    List<String> publishAllow,
    List<String> publishDeny,
    List<String> subscribeAllow,
    List<String> subscribeDeny) {

  /**
   * Copies the lists; {@code null} means empty.
   *
   * @param publishAllow subjects the user may publish to; empty allows all
   * @param publishDeny subjects the user may not publish to
   * @param subscribeAllow subjects the user may subscribe to; empty allows all
   * @param subscribeDeny subjects the user may not subscribe to
   */
  public Permissions {
    publishAllow = copy(publishAllow);
    publishDeny = copy(publishDeny);
    subscribeAllow = copy(subscribeAllow);
    subscribeDeny = copy(subscribeDeny);
  }

  /** {@return permissions with no lists at all (everything allowed)} */
  public static Permissions none() {
    return new Permissions(null, null, null, null);
  }

  /**
   * Returns permissions that allow publishing only to {@code subjects}.
   *
   * @param subjects the subjects (wildcards allowed)
   * @return permissions that allow publishing only to {@code subjects}
   */
  public static Permissions publishAllow(String... subjects) {
    return none().andPublishAllow(subjects);
  }

  /**
   * Returns permissions that allow subscribing only to {@code subjects}.
   *
   * @param subjects the subjects (wildcards allowed)
   * @return permissions that allow subscribing only to {@code subjects}
   */
  public static Permissions subscribeAllow(String... subjects) {
    return none().andSubscribeAllow(subjects);
  }

  /**
   * Returns permissions that deny publishing to {@code subjects}.
   *
   * @param subjects the subjects (wildcards allowed)
   * @return permissions that deny publishing to {@code subjects}
   */
  public static Permissions publishDeny(String... subjects) {
    return none().andPublishDeny(subjects);
  }

  /**
   * Returns permissions that deny subscribing to {@code subjects}.
   *
   * @param subjects the subjects (wildcards allowed)
   * @return permissions that deny subscribing to {@code subjects}
   */
  public static Permissions subscribeDeny(String... subjects) {
    return none().andSubscribeDeny(subjects);
  }

  /**
   * Returns a copy with {@code subjects} added to the publish allow list.
   *
   * @param subjects the subjects to add
   * @return a copy with {@code subjects} added to the publish allow list
   */
  public Permissions andPublishAllow(String... subjects) {
    return new Permissions(
        plus(publishAllow, subjects), publishDeny, subscribeAllow, subscribeDeny);
  }

  /**
   * Returns a copy with {@code subjects} added to the publish deny list.
   *
   * @param subjects the subjects to add
   * @return a copy with {@code subjects} added to the publish deny list
   */
  public Permissions andPublishDeny(String... subjects) {
    return new Permissions(
        publishAllow, plus(publishDeny, subjects), subscribeAllow, subscribeDeny);
  }

  /**
   * Returns a copy with {@code subjects} added to the subscribe allow list.
   *
   * @param subjects the subjects to add
   * @return a copy with {@code subjects} added to the subscribe allow list
   */
  public Permissions andSubscribeAllow(String... subjects) {
    return new Permissions(
        publishAllow, publishDeny, plus(subscribeAllow, subjects), subscribeDeny);
  }

  /**
   * Returns a copy with {@code subjects} added to the subscribe deny list.
   *
   * @param subjects the subjects to add
   * @return a copy with {@code subjects} added to the subscribe deny list
   */
  public Permissions andSubscribeDeny(String... subjects) {
    return new Permissions(
        publishAllow, publishDeny, subscribeAllow, plus(subscribeDeny, subjects));
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static List<String> plus(List<String> list, String... more) {
    List<String> result = new ArrayList<>(list);
    result.addAll(Arrays.asList(more));
    return result;
  }
}
