package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * An addon loaded onto a deployment: DEPLOYING until its deployment has been READY for the load
 * time (or enough polls), then DEPLOYED. A load that fails (model marked failing) ends in
 * {@code STATE_UNSPECIFIED} with a {@code status}, which is how Fireworks' clients detect it.
 * Guarded by the {@link World} lock.
 */
final class DeployedModelRecord {
  enum State { DEPLOYING, DEPLOYED, FAILED }

  final String id;
  final String name;
  final String model;
  final String deployment;
  String displayName;
  String description;
  boolean isDefault;
  boolean isPublic;
  final Instant createTime;
  Instant updateTime;
  State state = State.DEPLOYING;
  int polls;
  ObjectNode failure;
  ObjectNode status;

  DeployedModelRecord(String id, String name, String model, String deployment, Instant now) {
    this.id = id;
    this.name = name;
    this.model = model;
    this.deployment = deployment;
    this.createTime = now;
    this.updateTime = now;
  }

  void advance(Instant now, Settings s, DeploymentRecord d) {
    if (state != State.DEPLOYING || d == null || d.readySince == null) {
      return;
    }
    Instant start = d.readySince.isAfter(createTime) ? d.readySince : createTime;
    if (now.isBefore(start)) {
      return;
    }
    Duration eff = DeploymentRecord.effective(now, start, polls, s.readyAfterPolls, s.addonLoad);
    if (eff.compareTo(s.addonLoad) >= 0) {
      Instant at = start.plus(s.addonLoad).isBefore(now) ? start.plus(s.addonLoad) : now;
      if (failure != null) {
        state = State.FAILED;
        status = failure;
      } else {
        state = State.DEPLOYED;
      }
      updateTime = at;
    }
  }

  String stateName() {
    return state == State.FAILED ? "STATE_UNSPECIFIED" : state.name();
  }

  ObjectNode render() {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("name", name);
    if (displayName != null) {
      r.put("displayName", displayName);
    }
    if (description != null) {
      r.put("description", description);
    }
    r.put("createTime", Times.format(createTime));
    r.put("model", model);
    r.put("deployment", deployment);
    r.put("default", isDefault);
    r.put("state", stateName());
    r.put("serverless", false);
    if (status != null) {
      r.set("status", status.deepCopy());
    }
    r.put("public", isPublic);
    r.put("updateTime", Times.format(updateTime));
    return r;
  }
}
