package io.nats4j.client.internal.threads;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timer thread and its queue of tasks, a binary heap ordered by due time in which every task
 * knows its position, so cancelling one is O(log n) and leaves nothing behind (a per-request
 * timeout that never fires costs one small object while it waits, then nothing). The thread starts
 * with the first task and ends once the queue has stayed empty for {@value #LINGER_MILLIS} ms: the
 * library-wide timer ({@link #shared()}) is empty only when no connection has a timer, so it ends
 * soon after the last connection closes and a timer a closed connection left behind would keep it
 * alive (the tests' thread-leak check sees it).
 *
 * <p>Tasks belong to a {@link ConnectionScheduler}; {@link #dropAll} removes all of one scheduler's
 * tasks at once when its connection closes. Tasks are short and never block and never run user code
 * (see {@link ConnectionScheduler}).
 *
 * <p>Thread-safety: every method is safe from any thread; one lock guards the heap.
 */
final class TimerThread {
  private static final Logger LOG = LoggerFactory.getLogger(TimerThread.class);
  static final long LINGER_MILLIS = 200;

  private static final class Shared {
    static final TimerThread INSTANCE = new TimerThread(ThreadSource.platform(), "nats4j-timer");
  }

  /** A scheduled task: its own handle, so scheduling allocates nothing more. */
  final class Task implements ConnectionScheduler.Timer {
    final ConnectionScheduler owner;
    final Runnable action;
    final long period; // 0: once; else the fixed delay between runs
    long due; // guarded by lock
    int index = -1; // guarded by lock: position in the heap, -1 when not in it
    boolean cancelled; // guarded by lock

    Task(ConnectionScheduler owner, Runnable action, long due, long period) {
      this.owner = owner;
      this.action = action;
      this.due = due;
      this.period = period;
    }

    @Override
    public void cancel() {
      lock.lock();
      try {
        cancelled = true;
        if (index >= 0) {
          removeAt(index);
          if (size == 0) {
            // the thread may wait for this one: let it linger and end now. No signal otherwise,
            // so that cancelling per-request timeouts wakes nobody (the thread, woken at a
            // cancelled head's time, just waits again)
            changed.signal();
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private final ThreadSource threads;
  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition(); // a new head, or shutdown
  private final Condition taskDone = lock.newCondition();
  private Task[] heap = new Task[64]; // guarded by lock
  private int size; // guarded by lock
  private Thread thread; // guarded by lock: null when no thread runs
  private Task running; // guarded by lock
  private boolean stopped; // guarded by lock

  TimerThread(ThreadSource threads, String name) {
    this.threads = threads;
    this.name = name;
  }

  /**
   * Returns the library-wide timer: one daemon platform thread, {@code nats4j-timer}.
   *
   * @return the shared timer
   */
  static TimerThread shared() {
    return Shared.INSTANCE;
  }

  /**
   * Adds a task, or returns null if the owner was shut down (or this timer stopped).
   *
   * @param owner the scheduler it belongs to
   * @param delayNanos time until the first run
   * @param periodNanos 0 to run once, else the delay between the end of one run and the next
   * @param action what runs
   * @return the task, or null
   */
  Task schedule(ConnectionScheduler owner, long delayNanos, long periodNanos, Runnable action) {
    lock.lock();
    try {
      if (owner.shutDown || stopped) {
        return null;
      }
      Task task = new Task(owner, action, System.nanoTime() + Math.max(0, delayNanos), periodNanos);
      add(task);
      return task;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes every task of {@code owner} (it will never schedule again: the caller set its flag
   * under this lock) and waits up to {@code waitMillis} for one of its tasks that runs now.
   *
   * @param owner the scheduler being shut down
   * @param waitMillis how long to wait for a running task of it
   */
  void dropAll(ConnectionScheduler owner, long waitMillis) {
    lock.lock();
    try {
      owner.shutDown = true;
      if (owner.pending > 0) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
          Task t = heap[i];
          if (t.owner == owner) {
            t.index = -1;
            t.cancelled = true;
          } else {
            t.index = kept;
            heap[kept++] = t;
          }
        }
        Arrays.fill(heap, kept, size, null);
        size = kept;
        owner.pending = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
          siftDown(i, heap[i]);
        }
        changed.signal();
      }
      long nanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (running != null && running.owner == owner && Thread.currentThread() != thread) {
        if (nanos <= 0) {
          LOG.warn("a nats4j timer task still runs {} ms after close", waitMillis);
          return;
        }
        nanos = taskDone.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops this timer for good and waits for its thread (a connection's own timer, not the shared
   * one); its tasks must have been dropped.
   */
  void stop() {
    Thread t;
    lock.lock();
    try {
      stopped = true;
      changed.signal();
      t = thread;
    } finally {
      lock.unlock();
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean inTimerThread() {
    lock.lock();
    try {
      return thread == Thread.currentThread();
    } finally {
      lock.unlock();
    }
  }

  /** How many tasks of all owners wait (tests). */
  int queued() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  int pending(ConnectionScheduler owner) {
    lock.lock();
    try {
      return owner.pending;
    } finally {
      lock.unlock();
    }
  }

  private void add(Task task) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    siftUp(i, task);
    task.owner.pending++;
    if (thread == null) {
      thread = threads.newThread(name, this::run);
      thread.start();
    } else if (task.index == 0) {
      changed.signal();
    }
  }

  private void removeAt(int i) {
    Task removed = heap[i];
    removed.index = -1;
    removed.owner.pending--;
    int last = --size;
    Task moved = heap[last];
    heap[last] = null;
    if (i != last) {
      siftDown(i, moved);
      if (heap[i] == moved) {
        siftUp(i, moved);
      }
    }
  }

  private void siftUp(int k, Task task) {
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      Task p = heap[parent];
      if (task.due - p.due >= 0) {
        break;
      }
      heap[k] = p;
      p.index = k;
      k = parent;
    }
    heap[k] = task;
    task.index = k;
  }

  private void siftDown(int k, Task task) {
    int half = size >>> 1;
    while (k < half) {
      int child = (k << 1) + 1;
      Task c = heap[child];
      int right = child + 1;
      if (right < size && c.due - heap[right].due > 0) {
        c = heap[child = right];
      }
      if (task.due - c.due <= 0) {
        break;
      }
      heap[k] = c;
      c.index = k;
      k = child;
    }
    heap[k] = task;
    task.index = k;
  }

  private void run() {
    lock.lock();
    try {
      while (true) {
        if (size == 0) {
          if (stopped || changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS)) <= 0) {
            if (size == 0 || stopped) {
              return;
            }
          }
          continue;
        }
        Task head = heap[0];
        long delay = head.due - System.nanoTime();
        if (delay > 0) {
          changed.awaitNanos(delay);
          continue;
        }
        removeAt(0);
        running = head;
        lock.unlock();
        try {
          head.action.run();
        } catch (Throwable t) {
          LOG.warn("a nats4j timer task threw", t);
        } finally {
          lock.lock();
          running = null;
          taskDone.signalAll();
        }
        if (head.period > 0 && !head.cancelled && !head.owner.shutDown && !stopped) {
          head.due = System.nanoTime() + head.period;
          add(head);
        }
      }
    } catch (InterruptedException e) {
      // nothing interrupts this thread but a user's own code; end it, the next task starts another
    } finally {
      thread = null;
      if (size > 0 && !stopped) { // interrupted with tasks left: another thread takes over
        thread = threads.newThread(name, this::run);
        thread.start();
      }
      lock.unlock();
    }
  }
}
