package ai.fireworks.sdk.core.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deadline for a thread blocked in a call: {@link #fire} interrupts the thread, and
 * {@link #settle} (called by that thread once the call has returned) makes sure no interrupt of
 * ours is left behind on it, whichever came first. Thread-safe.
 */
final class CallerInterrupt {
  private static final int WAITING = 0;
  private static final int SETTLED = 1;
  private static final int FIRING = 2;
  private static final int FIRED = 3;

  private final Thread thread;
  private final AtomicInteger state = new AtomicInteger(WAITING);

  CallerInterrupt(Thread thread) {
    this.thread = thread;
  }

  /** Interrupts the thread, unless it has settled already. */
  void fire() {
    if (state.compareAndSet(WAITING, FIRING)) {
      thread.interrupt();
      state.set(FIRED);
    }
  }

  /** Whether {@link #fire} has run (or is running). */
  boolean fired() {
    return state.get() >= FIRING;
  }

  /** Called by the thread once its call has returned: clears the interrupt {@link #fire} may have sent. */
  void settle() {
    if (state.compareAndSet(WAITING, SETTLED)) {
      return;
    }
    while (state.get() != FIRED) {
      Thread.onSpinWait(); // fire() is between its two steps: wait until the interrupt has been sent
    }
    Thread.interrupted();
  }
}
