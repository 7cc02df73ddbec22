package io.nats4j.client.internal.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerThreadTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);

  private final TimerThread timer = new TimerThread(ThreadSource.platform(), "test-timer");
  private final ConnectionScheduler a = new ConnectionScheduler(timer, false);
  private final ConnectionScheduler b = new ConnectionScheduler(timer, false);

  @AfterEach
  void stop() {
    a.shutdown(1_000);
    b.shutdown(1_000);
    timer.stop();
  }

  private static boolean timerThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().equals("test-timer"));
  }

  @Test
  void runsTasksInDueOrderAndNeverThoseCancelled() throws Exception {
    Random random = new Random(21);
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    List<ConnectionScheduler.Timer> timers = new ArrayList<>();
    long[] delays = new long[2_000];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(200));
    }
    CountDownLatch last = new CountDownLatch(1);
    long base = System.nanoTime();
    for (int i = 0; i < delays.length; i++) {
      int id = i;
      long due = delays[i] - (System.nanoTime() - base);
      timers.add((i % 2 == 0 ? a : b).scheduleNanos(due, () -> ran.add(id)));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < delays.length; i++) {
      if (i % 3 == 0) {
        timers.get(i).cancel();
      } else {
        expected.add(i);
      }
    }
    a.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(400), last::countDown);
    assertTrue(last.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals(expected.size(), ran.size(), "every task not cancelled ran once");
    assertEquals(Set.copyOf(expected), Set.copyOf(ran));
    for (int i = 1; i < ran.size(); i++) {
      assertTrue(
          delays[ran.get(i - 1)] <= delays[ran.get(i)],
          "in due order: " + ran.get(i - 1) + " before " + ran.get(i));
    }
  }

  @Test
  void aCancelledTimerLeavesNothingInTheQueue() {
    List<ConnectionScheduler.Timer> timers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      timers.add(a.scheduleNanos(HOUR + i, () -> {}));
    }
    assertEquals(10_000, a.pending());
    Collections.shuffle(timers, new Random(1));
    for (ConnectionScheduler.Timer t : timers) {
      t.cancel();
      t.cancel(); // idempotent
    }
    assertEquals(0, a.pending());
    assertEquals(0, timer.queued());
  }

  @Test
  void shutdownDropsEveryTimerOfThatConnectionOnly() throws Exception {
    AtomicInteger ranOfA = new AtomicInteger();
    for (int i = 0; i < 100; i++) {
      a.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(100) + i, ranOfA::incrementAndGet);
      b.scheduleNanos(HOUR + i, () -> {});
    }
    a.repeat(Duration.ofMillis(50), ranOfA::incrementAndGet);
    List<Integer> ranOfB = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 10; i++) {
      int id = i;
      b.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(150 + 10 * i), () -> ranOfB.add(id));
    }
    a.shutdown(1_000);
    assertEquals(0, a.pending());
    assertEquals(110, b.pending());
    assertEquals(110, timer.queued());
    a.scheduleNanos(0, ranOfA::incrementAndGet); // after shutdown: never runs
    Await.until(() -> ranOfB.size() == 10, WAIT, "the other connection's timers ran");
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ranOfB);
    assertEquals(0, ranOfA.get());
    assertEquals(100, b.pending());
  }

  @Test
  void aRepeatingTimerRunsUntilCancelled() throws Exception {
    CountDownLatch three = new CountDownLatch(3);
    ConnectionScheduler.Timer t = a.repeat(Duration.ofMillis(5), three::countDown);
    assertTrue(three.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    t.cancel();
    assertEquals(0, a.pending());
  }

  @Test
  void aRepeatingTimerCancelledWhileItRunsDoesNotRunAgain() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ConnectionScheduler.Timer[] self = new ConnectionScheduler.Timer[1];
    CountDownLatch scheduled = new CountDownLatch(1);
    self[0] =
        a.repeat(
            Duration.ofMillis(1),
            () -> {
              runs.incrementAndGet();
              try {
                scheduled.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              self[0].cancel();
            });
    scheduled.countDown();
    Await.until(() -> runs.get() == 1 && a.pending() == 0, WAIT, "ran once, then gone");
    CountDownLatch later = new CountDownLatch(1);
    a.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(20), later::countDown);
    assertTrue(later.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals(1, runs.get());
  }

  @Test
  void theThreadEndsWhenNoTimerIsLeftAndStartsAgainWithTheNext() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    a.scheduleNanos(0, first::countDown);
    assertTrue(first.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Await.until(() -> !timerThreadAlive(), WAIT, "the idle timer thread ended");
    CountDownLatch second = new CountDownLatch(1);
    a.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(10), second::countDown);
    assertTrue(second.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Test
  void cancellingTheLastTimerLetsTheThreadEndAtOnce() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    a.scheduleNanos(0, ran::countDown);
    assertTrue(ran.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    a.scheduleNanos(HOUR, () -> {})
        .cancel(); // the thread waited for it: an hour, were it not woken
    Await.until(() -> !timerThreadAlive(), WAIT, "the timer thread ended");
  }

  @Test
  void aPendingTimerKeepsTheThread() throws Exception {
    a.scheduleNanos(HOUR, () -> {});
    AtomicReference<Thread> first = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    a.scheduleNanos(
        0,
        () -> {
          first.set(Thread.currentThread());
          ran.countDown();
        });
    assertTrue(ran.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    // a task due well past the linger runs on the same thread: the hour-long timer kept it alive
    AtomicReference<Thread> later = new AtomicReference<>();
    CountDownLatch ranLater = new CountDownLatch(1);
    a.scheduleNanos(
        TimeUnit.MILLISECONDS.toNanos(3 * TimerThread.LINGER_MILLIS),
        () -> {
          later.set(Thread.currentThread());
          ranLater.countDown();
        });
    assertTrue(ranLater.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertSame(first.get(), later.get(), "the timer thread ended and another one started");
    a.shutdown(1_000);
    Await.until(() -> !timerThreadAlive(), WAIT, "ended once the connection's timers were dropped");
  }

  @Test
  void aThrowingTaskDoesNotStopTheTimer() throws Exception {
    a.scheduleNanos(
        0,
        () -> {
          throw new IllegalStateException("boom (expected by the test)");
        });
    CountDownLatch after = new CountDownLatch(1);
    a.scheduleNanos(TimeUnit.MILLISECONDS.toNanos(5), after::countDown);
    assertTrue(after.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertFalse(a.inSchedulerThread());
  }

  @Test
  void shutdownWaitsForATaskOfItsConnectionThatRuns() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    a.scheduleNanos(
        0,
        () -> {
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
        });
    assertTrue(running.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Thread shutter = Thread.currentThread();
    Thread releaser =
        new Thread(
            () -> {
              // release the task only once the shutdown below waits for it
              Await.until(
                  () -> shutter.getState() == Thread.State.TIMED_WAITING,
                  WAIT,
                  "shutdown waits for the running task");
              release.countDown();
            });
    releaser.start();
    a.shutdown(WAIT.toMillis());
    assertEquals(1, finished.get(), "shutdown returned after the running task");
    releaser.join();
  }
}
