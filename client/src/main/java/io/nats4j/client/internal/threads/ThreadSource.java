package io.nats4j.client.internal.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Where every thread of one connection comes from: the user's {@link ThreadFactory}, virtual
 * threads (Java 21+), or plain daemon platform threads. The library names each thread {@code
 * nats4j-<role>-<id>} whatever the source, so a leak check and a thread dump still tell them apart.
 *
 * <p>Thread-safety: immutable; {@link #newThread} is safe from any thread.
 */
public final class ThreadSource {
  private static final ThreadFactory VIRTUAL = virtualFactoryOrNull();

  private final ThreadFactory factory;
  private final boolean virtual;

  private ThreadSource(ThreadFactory factory, boolean virtual) {
    this.factory = factory;
    this.virtual = virtual;
  }

  /**
   * Chooses the source.
   *
   * @param userFactory the user's factory, or null
   * @param virtualThreads whether to use virtual threads (ignored with a user factory)
   * @return the source
   * @throws UnsupportedOperationException if virtual threads are asked for on Java before 21
   */
  public static ThreadSource of(ThreadFactory userFactory, boolean virtualThreads) {
    if (userFactory != null) {
      return new ThreadSource(userFactory, false);
    }
    if (virtualThreads) {
      if (VIRTUAL == null) {
        throw new UnsupportedOperationException(
            "virtual threads need Java 21 or later; this is Java " + Runtime.version().feature());
      }
      return new ThreadSource(VIRTUAL, true);
    }
    return new ThreadSource(null, false);
  }

  /**
   * Returns plain daemon platform threads.
   *
   * @return the source
   */
  public static ThreadSource platform() {
    return new ThreadSource(null, false);
  }

  /**
   * Tells whether this JVM offers virtual threads.
   *
   * @return true on Java 21 and later
   */
  public static boolean virtualThreadsAvailable() {
    return VIRTUAL != null;
  }

  /**
   * Tells whether threads of this source are virtual.
   *
   * @return true for virtual threads
   */
  public boolean virtual() {
    return virtual;
  }

  /**
   * Tells whether threads of this source are the library's own daemon platform threads (no user
   * factory, not virtual): such connections share the library-wide timer thread.
   *
   * @return true for the default source
   */
  public boolean libraryPlatform() {
    return factory == null;
  }

  /**
   * Creates an unstarted thread.
   *
   * @param name its name, {@code nats4j-…}
   * @param task what it runs
   * @return the thread (daemon if it is a platform thread of ours)
   */
  public Thread newThread(String name, Runnable task) {
    Thread t;
    if (factory == null) {
      t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    }
    t = factory.newThread(task);
    if (t == null) {
      throw new IllegalStateException("the thread factory returned null for " + name);
    }
    t.setName(name);
    return t;
  }

  /**
   * Returns a factory giving every thread the same name, for executors of the JDK.
   *
   * @param name the name
   * @return a factory
   */
  public ThreadFactory named(String name) {
    return task -> newThread(name, task);
  }

  private static ThreadFactory virtualFactoryOrNull() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle ofVirtual =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
      MethodHandle factory =
          lookup.findVirtual(
              Class.forName("java.lang.Thread$Builder"),
              "factory",
              MethodType.methodType(ThreadFactory.class));
      return (ThreadFactory) factory.invoke(ofVirtual.invoke());
    } catch (Throwable notJava21) {
      return null;
    }
  }
}
