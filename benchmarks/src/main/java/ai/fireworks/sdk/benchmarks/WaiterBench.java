package ai.fireworks.sdk.benchmarks;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.ManualScheduler;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waiter efficiency on simulated time: the real {@code DeploymentsClient.waitUntilReady} (core's
 * {@code Waiter} with the deployments' acceptor and interval hint, {@link WaitOptions#defaults()})
 * against the emulator, compared with fixed 1 s and 9 s polling through the same client.
 *
 * <p>Client and emulator share one {@link ManualScheduler} timeline. Requests are real HTTP on
 * loopback and take no simulated time: {@link VirtualTimeDriver} only moves the clock to the next
 * scheduled task once no request and no client callback is in flight. Each run creates one
 * deployment, starts waiting right away, and counts GETs and the lag between the moment the
 * deployment became READY and the moment the wait completed.
 *
 * <p>The emulator's CREATING phases keep its defaults for downloading (15 s) and initializing
 * (10 s, replicas reported as initializing, where the SDK polls every second) and stretch
 * pending-scheduling (waiting for capacity) to reach the target duration. The target of trial
 * {@code i} of {@code n} is {@code T - 4.5 s + (i + 0.5) * 9 s / n}, spreading the READY moment
 * over one 9 s polling period so that fixed polling's phase does not decide its result.
 * {@code WaiterBench <out.json> [trials]}.
 */
public final class WaiterBench {
  private static final ModelName MODEL = ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct");
  private static final Duration DOWNLOADING = Duration.ofSeconds(15);
  private static final Duration INITIALIZING = Duration.ofSeconds(10);

  private WaiterBench() {}

  public static void main(String[] args) throws Exception {
    String out = args[0];
    int trials = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("trials", trials);
    result.put("phases", "pending scheduling T-25s, downloading 15s, initializing 10s");
    result.put("sdk_wait_options", "WaitOptions.defaults() (initial 1s, x1.5 per poll, max 10s, +-20% jitter)");
    long started = System.nanoTime();
    Map<String, Duration> scenarios = new LinkedHashMap<>();
    scenarios.put("30s", Duration.ofSeconds(30));
    scenarios.put("5min", Duration.ofMinutes(5));
    scenarios.put("30min", Duration.ofMinutes(30));
    for (Map.Entry<String, Duration> scenario : scenarios.entrySet()) {
      Map<String, Object> byStrategy = new LinkedHashMap<>();
      for (String strategy : new String[] {"sdk", "fixed_1s", "fixed_9s"}) {
        double gets = 0;
        double lag = 0;
        double maxLag = 0;
        for (int i = 0; i < trials; i++) {
          Duration target = scenario.getValue().minusMillis(4500).plusNanos((long) ((i + 0.5) * 9e9 / trials));
          double[] r = runOnce(strategy, target, i);
          gets += r[0];
          lag += r[1];
          maxLag = Math.max(maxLag, r[1]);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("gets", gets / trials);
        m.put("mean_lag_s", lag / trials);
        m.put("max_lag_s", maxLag);
        byStrategy.put(strategy, m);
        System.err.printf("  %-6s %-9s %7.1f GETs  mean lag %5.2f s  max lag %5.2f s%n", scenario.getKey(), strategy,
            m.get("gets"), m.get("mean_lag_s"), maxLag);
      }
      result.put(scenario.getKey(), byStrategy);
    }
    result.put("real_seconds", (System.nanoTime() - started) / 1e9);
    Results.write(out, result);
    System.exit(0);
  }

  /** One wait; returns {GETs, lag in seconds}. */
  static double[] runOnce(String strategy, Duration readyAfter, int trial) throws Exception {
    ManualScheduler time = new ManualScheduler();
    VirtualTimeDriver driver = new VirtualTimeDriver(time);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    TrackingHttpClient http = new TrackingHttpClient(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build(), driver);
    try (FireworksEmulator emulator = FireworksEmulator.builder().timeline(time)
            .creatingPhases(readyAfter.minus(DOWNLOADING).minus(INITIALIZING), DOWNLOADING, INITIALIZING).start();
         FireworksClient client = emulator.clientBuilder().httpClient(http).executor(driver.track(pool))
             .scheduler(time).clock(time.clock()).build()) {
      DeploymentsClient deployments = DeploymentsClient.of(client);
      Deployment created = deployments.create(MODEL).deploymentId("bench-" + strategy.replace('_', '-') + "-" + trial)
          .minReplicaCount(1).maxReplicaCount(1).submit();
      Instant readyAt = time.now().plus(readyAfter);
      http.resetGets();
      CompletableFuture<Deployment> done;
      switch (strategy) {
        case "sdk":
          done = deployments.waitUntilReady(created.name(), WaitOptions.defaults());
          break;
        case "fixed_1s":
          done = pollEvery(deployments, time, created.name(), Duration.ofSeconds(1));
          break;
        default:
          done = pollEvery(deployments, time, created.name(), Duration.ofSeconds(9));
          break;
      }
      driver.runUntil(done);
      Deployment ready = done.get(10, TimeUnit.SECONDS);
      if (!ready.state().equals(DeploymentState.READY)) {
        throw new IllegalStateException("wait ended with " + ready.state());
      }
      double lag = Duration.between(readyAt, time.now()).toNanos() / 1e9;
      return new double[] {http.gets(), lag};
    } finally {
      pool.shutdownNow();
    }
  }

  /** The naive loop: GET, and if not READY, GET again {@code period} later. */
  private static CompletableFuture<Deployment> pollEvery(DeploymentsClient deployments, ManualScheduler time,
      DeploymentName name, Duration period) {
    CompletableFuture<Deployment> done = new CompletableFuture<>();
    Runnable[] poll = new Runnable[1];
    poll[0] = () -> {
      CompletableFuture<?> unused = deployments.getAsync(name).whenComplete((d, e) -> {
        if (e == null && d.state().equals(DeploymentState.READY)) {
          done.complete(d);
        } else {
          ScheduledFuture<?> unusedNext = time.schedule(poll[0], period.toNanos(), TimeUnit.NANOSECONDS);
        }
      });
    };
    poll[0].run();
    return done;
  }
}
