package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * One deployment and its lifecycle. Time-driven state is computed lazily from timestamps when the
 * deployment is looked at ({@link #advance}), so the outcome depends only on the emulator's clock
 * and the requests made, never on when a background thread happened to run. Guarded by the
 * {@link World} lock.
 */
final class DeploymentRecord {
  enum State { CREATING, READY, UPDATING, FAILED, DELETING, DELETED }

  final String id;
  final String name;
  ObjectNode spec;
  final Instant createTime;
  Instant updateTime;
  Instant deleteTime;
  Instant purgeTime;
  State state = State.CREATING;
  /** Start of the current timed phase (CREATING, UPDATING, DELETING). */
  Instant phaseStart;
  /** GETs seen in the current phase. */
  int polls;
  boolean hardDelete;
  ObjectNode status;
  ObjectNode pendingFailure;
  /** When the deployment last became READY (addons count their load time from here). */
  Instant readySince;

  int replicas;
  int target;
  Instant scaleUpStart;
  int coldAttempts;
  Instant lastActivity;
  Integer requestedReplicas;

  DeploymentRecord(String id, String name, ObjectNode spec, Instant now) {
    this.id = id;
    this.name = name;
    this.spec = spec;
    this.createTime = now;
    this.updateTime = now;
    this.phaseStart = now;
  }

  int min() {
    return spec.path("minReplicaCount").asInt();
  }

  int max() {
    return spec.path("maxReplicaCount").asInt();
  }

  String baseModel() {
    return spec.path("baseModel").asText();
  }

  boolean serving() {
    return state == State.READY || state == State.UPDATING;
  }

  boolean deleted() {
    return state == State.DELETED || state == State.DELETING;
  }

  Duration scaleToZeroWindow() {
    return seconds(spec.path("autoscalingPolicy").path("scaleToZeroWindow").asText("3600s"));
  }

  /**
   * Brings the state up to {@code now}.
   *
   * @return false if the deployment no longer exists (hard-deleted or purged)
   */
  boolean advance(Instant now, Settings s) {
    switch (state) {
      case CREATING: {
        Duration total = s.creatingTotal();
        if (effective(now, phaseStart, polls, s.readyAfterPolls, total).compareTo(total) >= 0) {
          Instant at = earliest(now, phaseStart.plus(total));
          if (pendingFailure != null) {
            state = State.FAILED;
            status = pendingFailure;
            replicas = 0;
            target = 0;
          } else {
            becomeReady(at, initialReplicas());
          }
          updateTime = at;
        }
        break;
      }
      case UPDATING: {
        if (effective(now, phaseStart, polls, s.readyAfterPolls, s.updating).compareTo(s.updating) >= 0) {
          Instant at = earliest(now, phaseStart.plus(s.updating));
          state = State.READY;
          status = null;
          polls = 0;
          // The rollout applied the new replica bounds; a scale-up already under way continues.
          replicas = Math.min(replicas, max());
          if (scaleUpStart == null) {
            replicas = Math.max(replicas, min());
            target = replicas;
          }
          lastActivity = lastActivity == null || lastActivity.isBefore(at) ? at : lastActivity;
          readySince = readySince == null ? at : readySince;
          updateTime = at;
        }
        break;
      }
      case DELETING: {
        if (!now.isBefore(phaseStart.plus(s.deleting))) {
          if (hardDelete) {
            return false;
          }
          markDeleted(phaseStart.plus(s.deleting), s);
        }
        break;
      }
      case DELETED:
        if (!now.isBefore(purgeTime)) {
          return false;
        }
        break;
      default:
        break;
    }
    if (serving()) {
      advanceReplicas(now, s);
    }
    return true;
  }

  private void becomeReady(Instant at, int replicaCount) {
    state = State.READY;
    status = null;
    replicas = replicaCount;
    target = replicaCount;
    scaleUpStart = null;
    lastActivity = lastActivity == null || lastActivity.isBefore(at) ? at : lastActivity;
    readySince = readySince == null ? at : readySince;
    polls = 0;
  }

  private void advanceReplicas(Instant now, Settings s) {
    if (scaleUpStart != null
        && effective(now, scaleUpStart, coldAttempts, s.coldStartAfterRequests, s.coldStart).compareTo(s.coldStart) >= 0) {
      Instant at = earliest(now, scaleUpStart.plus(s.coldStart));
      replicas = target;
      scaleUpStart = null;
      lastActivity = lastActivity == null || lastActivity.isBefore(at) ? at : lastActivity;
    }
    if (scaleUpStart == null && replicas > 0 && min() == 0 && lastActivity != null
        && !now.isBefore(lastActivity.plus(scaleToZeroWindow()))) {
      replicas = 0;
      target = 0;
    }
  }

  int initialReplicas() {
    if (max() == 0) {
      return 0;
    }
    int wanted = requestedReplicas != null ? requestedReplicas : Math.max(min(), 1);
    return Math.max(min(), Math.min(wanted, max()));
  }

  /** Starts provisioning replicas up to {@code count} (no-op if already there or on the way). */
  void scaleUpTo(int count, Instant now, Settings s) {
    target = Math.max(target, count);
    if (scaleUpStart == null) {
      scaleUpStart = now;
      coldAttempts = 0;
    }
    advanceReplicas(now, s);
  }

  void markDeleted(Instant at, Settings s) {
    state = State.DELETED;
    deleteTime = at;
    purgeTime = at.plus(s.softDeleteRetention);
    updateTime = at;
    replicas = 0;
    target = 0;
    scaleUpStart = null;
  }

  /** The resource as the API returns it. */
  ObjectNode render(Instant now, Settings s, String region) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode r = f.objectNode();
    r.put("name", name);
    copy(r, "displayName");
    copy(r, "description");
    r.put("createTime", Times.format(createTime));
    r.put("updateTime", Times.format(updateTime));
    copy(r, "expireTime");
    if (deleteTime != null) {
      r.put("deleteTime", Times.format(deleteTime));
      r.put("purgeTime", Times.format(purgeTime));
    }
    r.put("state", state.name());
    if (status != null) {
      r.set("status", status.deepCopy());
    }
    copy(r, "baseModel");
    copy(r, "minReplicaCount");
    copy(r, "maxReplicaCount");
    copy(r, "maxWithRevocableReplicaCount");
    ObjectNode stats = f.objectNode();
    int pending = 0;
    int downloading = 0;
    int initializing = 0;
    int desired;
    if (state == State.CREATING) {
      desired = initialReplicas();
      Duration total = s.creatingTotal();
      Duration eff = effective(now, phaseStart, polls, s.readyAfterPolls, total);
      int phase = phase(eff, total, s);
      pending = phase == 0 ? desired : 0;
      downloading = phase == 1 ? desired : 0;
      initializing = phase == 2 ? desired : 0;
    } else if (serving()) {
      desired = scaleUpStart != null ? target : replicas;
      if (scaleUpStart != null) {
        int starting = target - replicas;
        Duration eff = effective(now, scaleUpStart, coldAttempts, s.coldStartAfterRequests, s.coldStart);
        int phase = phase(eff, s.coldStart, s);
        pending = phase == 0 ? starting : 0;
        downloading = phase == 1 ? starting : 0;
        initializing = phase == 2 ? starting : 0;
      }
    } else {
      desired = 0;
    }
    r.put("desiredReplicaCount", desired);
    r.put("replicaCount", serving() ? replicas : 0);
    stats.put("pendingSchedulingReplicaCount", pending);
    stats.put("downloadingModelReplicaCount", downloading);
    stats.put("initializingReplicaCount", initializing);
    stats.put("readyReplicaCount", serving() ? replicas : 0);
    stats.put("revocableReplicaCount", serving() ? Math.max(0, replicas - max()) : 0);
    r.set("replicaStats", stats);
    copy(r, "autoscalingPolicy");
    copy(r, "acceleratorType");
    copy(r, "acceleratorCount");
    copy(r, "precision");
    copy(r, "enableAddons");
    copy(r, "autoTune");
    copy(r, "placement");
    r.put("region", region);
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!r.has(e.getKey())) {
        r.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    r.put("createdBy", "emulator@fireworks.invalid");
    return r;
  }

  private void copy(ObjectNode r, String field) {
    JsonNode v = spec.get(field);
    if (v != null) {
      r.set(field, v.deepCopy());
    }
  }

  /** Which CREATING-style phase a fraction of {@code total} falls in: 0 pending, 1 downloading, 2 initializing. */
  private static int phase(Duration eff, Duration total, Settings s) {
    Duration all = s.creatingTotal();
    if (total.isZero() || all.isZero()) {
      return 2;
    }
    // Scale the configured phase lengths to 'total' (cold starts reuse the creation proportions).
    double x = eff.toNanos() / (double) total.toNanos() * all.toNanos();
    if (x < s.pendingScheduling.toNanos()) {
      return 0;
    }
    return x < s.pendingScheduling.plus(s.downloadingModel).toNanos() ? 1 : 2;
  }

  /**
   * Time spent in a phase, counting a poll-driven shortcut: with {@code threshold} polls
   * configured, each poll counts as {@code total / threshold} of progress.
   */
  static Duration effective(Instant now, Instant start, int count, int threshold, Duration total) {
    Duration elapsed = Duration.between(start, now);
    if (threshold > 0) {
      Duration byCount = count >= threshold ? total : total.multipliedBy(count).dividedBy(threshold);
      return byCount.compareTo(elapsed) > 0 ? byCount : elapsed;
    }
    return elapsed;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static Duration seconds(String proto) {
    BigDecimal s = new BigDecimal(proto.substring(0, proto.length() - 1));
    return Duration.ofNanos(s.movePointRight(9).longValue());
  }
}
