package ai.fireworks.sdk.testkit.internal;

import ai.fireworks.sdk.testkit.internal.Schema.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The message types of the control plane, per the API reference (sections 1.7, 1.8 and 2.2). */
public final class Schemas {
  public static final Set<String> ACCELERATOR_TYPES = set("ACCELERATOR_TYPE_UNSPECIFIED", "NVIDIA_A100_80GB",
      "NVIDIA_H100_80GB", "AMD_MI300X_192GB", "NVIDIA_A10G_24GB", "NVIDIA_A100_40GB", "NVIDIA_L4_24GB",
      "NVIDIA_H200_141GB", "NVIDIA_B200_180GB", "AMD_MI325X_256GB", "AMD_MI350X_288GB", "NVIDIA_B300_288GB");
  public static final Set<String> PRECISIONS = set("PRECISION_UNSPECIFIED", "FP16", "FP8", "FP8_MM", "FP8_AR",
      "FP8_MM_KV_ATTN", "FP8_KV", "FP8_MM_V2", "FP8_V2", "FP8_MM_KV_ATTN_V2", "NF4", "FP4", "BF16",
      "FP4_BLOCKSCALED_MM", "FP4_MX_MOE");
  public static final Set<String> MULTI_REGIONS = set("MULTI_REGION_UNSPECIFIED", "GLOBAL", "US", "EUROPE", "APAC");
  public static final Set<String> REGIONS = set("REGION_UNSPECIFIED", "US_IOWA_1", "US_VIRGINIA_1", "US_VIRGINIA_2",
      "US_ILLINOIS_1", "AP_TOKYO_1", "EU_LONDON_1", "US_ARIZONA_1", "US_TEXAS_1", "US_ILLINOIS_2", "EU_FRANKFURT_1",
      "US_TEXAS_2", "EU_PARIS_1", "EU_HELSINKI_1", "US_NEVADA_1", "EU_ICELAND_1", "EU_ICELAND_2", "US_WASHINGTON_1",
      "US_WASHINGTON_2", "EU_ICELAND_DEV_1", "US_WASHINGTON_3", "US_ARIZONA_2", "AP_TOKYO_2", "US_CALIFORNIA_1",
      "US_MISSOURI_1", "US_UTAH_1", "US_TEXAS_3", "US_ARIZONA_3", "US_GEORGIA_1", "US_GEORGIA_2", "US_WASHINGTON_4",
      "US_GEORGIA_3", "NA_BRITISHCOLUMBIA_1", "US_GEORGIA_4", "EU_ICELAND_3", "US_OHIO_1", "US_NEWYORK_1",
      "EU_NETHERLANDS_1", "US_WASHINGTON_5", "US_MINNESOTA_1", "US_CALIFORNIA_2", "AP_MALAYSIA_1", "US_OHIO_2");
  static final Set<String> DIRECT_ROUTE_TYPES = set("DIRECT_ROUTE_TYPE_UNSPECIFIED", "INTERNET",
      "GCP_PRIVATE_SERVICE_CONNECT", "AWS_PRIVATELINK");
  static final Set<String> HOT_LOAD_BUCKET_TYPES = set("BUCKET_TYPE_UNSPECIFIED", "MINIO", "S3", "NEBIUS", "FW_HOSTED");
  static final Set<String> DEPLOYMENT_STATES = set("STATE_UNSPECIFIED", "CREATING", "READY", "DELETING", "FAILED",
      "UPDATING", "DELETED");

  /** Fields a change of which needs no rollout (state stays READY). */
  public static final Set<String> METADATA_FIELDS = set("displayName", "description", "annotations", "expireTime");

  public static final Schema STATUS = new Schema("gatewayStatus")
      .add("code", Type.STRING)
      .add("message", Type.STRING);

  public static final Schema SCALING_SCHEDULE = new Schema("gatewayScalingSchedule")
      .add("minReplicaCount", Type.INT)
      .add("schedule", Type.STRING)
      .add("duration", Type.DURATION)
      .add("timezone", Type.STRING);

  public static final Schema AUTOSCALING_POLICY = new Schema("gatewayAutoscalingPolicy")
      .add("scaleUpWindow", Type.DURATION)
      .add("scaleDownWindow", Type.DURATION)
      .add("scaleToZeroWindow", Type.DURATION)
      .add("loadTargets", Type.NUMBER_MAP)
      .messageMap("scalingSchedules", SCALING_SCHEDULE);

  public static final Schema AUTO_TUNE = new Schema("gatewayAutoTune")
      .add("longPrompt", Type.BOOL);

  public static final Schema PLACEMENT = new Schema("gatewayPlacement")
      .enumField("region", REGIONS)
      .enumField("multiRegion", MULTI_REGIONS)
      .add("regions", Type.STRING_LIST);

  public static final Schema REPLICA_STATS = new Schema("gatewayReplicaStats")
      .add("pendingSchedulingReplicaCount", Type.INT)
      .add("downloadingModelReplicaCount", Type.INT)
      .add("initializingReplicaCount", Type.INT)
      .add("readyReplicaCount", Type.INT)
      .add("revocableReplicaCount", Type.INT);

  public static final Schema DEPLOYMENT = new Schema("gatewayDeployment")
      .add("name", Type.STRING)
      .add("displayName", Type.STRING)
      .add("description", Type.STRING)
      .add("createTime", Type.TIMESTAMP)
      .add("expireTime", Type.TIMESTAMP)
      .add("purgeTime", Type.TIMESTAMP)
      .add("deleteTime", Type.TIMESTAMP)
      .enumField("state", DEPLOYMENT_STATES)
      .message("status", STATUS)
      .add("minReplicaCount", Type.INT)
      .add("maxReplicaCount", Type.INT)
      .add("maxWithRevocableReplicaCount", Type.INT)
      .add("desiredReplicaCount", Type.INT)
      .add("replicaCount", Type.INT)
      .message("autoscalingPolicy", AUTOSCALING_POLICY)
      .add("baseModel", Type.STRING)
      .add("acceleratorCount", Type.INT)
      .enumField("acceleratorType", ACCELERATOR_TYPES)
      .enumField("precision", PRECISIONS)
      .add("cluster", Type.STRING)
      .add("enableAddons", Type.BOOL)
      .add("draftTokenCount", Type.INT)
      .add("draftModel", Type.STRING)
      .add("ngramSpeculationLength", Type.INT)
      .add("enableMtp", Type.BOOL)
      .add("deploymentTemplate", Type.STRING)
      .message("autoTune", AUTO_TUNE)
      .message("placement", PLACEMENT)
      .enumField("region", REGIONS)
      .add("maxContextLength", Type.INT)
      .add("updateTime", Type.TIMESTAMP)
      .add("disableDeploymentSizeValidation", Type.BOOL)
      .add("enableHotLoad", Type.BOOL)
      .enumField("hotLoadBucketType", HOT_LOAD_BUCKET_TYPES)
      .add("hotLoadBucketUrl", Type.STRING)
      .add("hotLoadTrainerJob", Type.STRING)
      .add("deploymentShape", Type.STRING)
      .add("activeModelVersion", Type.STRING)
      .add("targetModelVersion", Type.STRING)
      .message("replicaStats", REPLICA_STATS)
      .add("enableSessionAffinity", Type.BOOL)
      .enumField("directRouteType", DIRECT_ROUTE_TYPES)
      .add("directRouteApiKeys", Type.STRING_LIST)
      .add("directRouteHandle", Type.STRING)
      .add("numPeftDeviceCached", Type.INT)
      .add("enableHotReloadLatestAddon", Type.BOOL)
      .add("pricingPlanId", Type.STRING)
      .add("annotations", Type.STRING_MAP)
      .add("createdBy", Type.STRING)
      .add("isNim", Type.BOOL);

  public static final Schema DEPLOYED_MODEL = new Schema("gatewayDeployedModel")
      .add("name", Type.STRING)
      .add("displayName", Type.STRING)
      .add("description", Type.STRING)
      .add("createTime", Type.TIMESTAMP)
      .add("model", Type.STRING)
      .add("deployment", Type.STRING)
      .add("default", Type.BOOL)
      .add("state", Type.STRING)
      .add("serverless", Type.BOOL)
      .message("status", STATUS)
      .add("public", Type.BOOL)
      .add("updateTime", Type.TIMESTAMP);

  /** The Model resource, for filters and read masks only (models are read-only here). */
  public static final Schema MODEL = new Schema("gatewayModel")
      .add("name", Type.STRING)
      .add("displayName", Type.STRING)
      .add("description", Type.STRING)
      .add("createTime", Type.TIMESTAMP)
      .add("updateTime", Type.TIMESTAMP)
      .add("state", Type.STRING)
      .add("kind", Type.STRING)
      .add("public", Type.BOOL)
      .add("contextLength", Type.INT)
      .add("supportsLora", Type.BOOL)
      .add("supportsTools", Type.BOOL)
      .add("supportsImageInput", Type.BOOL)
      .add("supportsServerless", Type.BOOL)
      .add("huggingFaceUrl", Type.STRING)
      .message("conversationConfig", new Schema("gatewayConversationConfig").add("style", Type.STRING))
      .message("baseModelDetails", new Schema("gatewayBaseModelDetails")
          .add("worldSize", Type.INT).add("parameterCount", Type.STRING).add("moe", Type.BOOL)
          .add("defaultPrecision", Type.STRING).add("modelType", Type.STRING))
      .message("peftDetails", new Schema("gatewayPEFTDetails")
          .add("baseModel", Type.STRING).add("r", Type.INT).add("targetModules", Type.STRING_LIST))
      .add("supportedPrecisions", Type.STRING_LIST)
      .add("deployedModelRefs", Type.STRING_LIST);

  static {
    DEPLOYMENT.readOnly("name", "createTime", "purgeTime", "deleteTime", "state", "status", "desiredReplicaCount",
        "replicaCount", "cluster", "directRouteHandle", "region", "updateTime", "replicaStats", "createdBy", "isNim");
    DEPLOYMENT.immutable("baseModel", "placement", "deploymentTemplate");
    DEPLOYED_MODEL.readOnly("name", "createTime", "state", "status", "updateTime");
    DEPLOYED_MODEL.immutable("model", "deployment");
  }

  private Schemas() {}

  private static Set<String> set(String... values) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
  }
}
