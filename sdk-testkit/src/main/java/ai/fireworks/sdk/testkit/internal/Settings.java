package ai.fireworks.sdk.testkit.internal;

import java.time.Duration;

/**
 * Timings and switches of an emulator, fixed when it starts. Mutable only while the public
 * builder fills it in; the emulator reads it from many threads afterwards without changing it.
 */
public final class Settings {
  /** CREATING phase in which replicas wait for a machine ({@code pendingSchedulingReplicaCount}). */
  public Duration pendingScheduling = Duration.ofSeconds(5);
  /** CREATING phase in which replicas fetch weights ({@code downloadingModelReplicaCount}). */
  public Duration downloadingModel = Duration.ofSeconds(15);
  /** CREATING phase in which replicas start up ({@code initializingReplicaCount}). */
  public Duration initializing = Duration.ofSeconds(10);
  /** If positive, CREATING/UPDATING/DEPLOYING also finish after this many GETs of the resource. */
  public int readyAfterPolls;
  /** UPDATING to READY. */
  public Duration updating = Duration.ofSeconds(10);
  /** Addon DEPLOYING to DEPLOYED (counted once its deployment is READY). */
  public Duration addonLoad = Duration.ofSeconds(10);
  /** Scale from zero: how long requests are answered 503 DEPLOYMENT_SCALING_UP. */
  public Duration coldStart = Duration.ofSeconds(30);
  /** If positive, a cold start also ends after this many 503 answers. */
  public int coldStartAfterRequests;
  /** DELETING before DELETED (soft) or gone (hard); zero skips DELETING. */
  public Duration deleting = Duration.ZERO;
  /** A soft-deleted deployment is purged this long after deletion. */
  public Duration softDeleteRetention = Duration.ofDays(7);
  /** Leave out fields holding zero values, as proto3 JSON printers do by default. */
  public boolean omitZeroValues;
  /** Seed of the generator behind server-made ids. */
  public long seed = 20240601L;

  /** Total time of the CREATING phases. */
  public Duration creatingTotal() {
    return pendingScheduling.plus(downloadingModel).plus(initializing);
  }
}
