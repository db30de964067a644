package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The models every emulator starts with: a few public base models and two PEFT addons of its own account. */
public final class Catalogue {
  /** Model resources are dated before any deployment the emulator makes. */
  private static final String FW = "accounts/fireworks/models/";
  static final Instant MODEL_TIME = Instant.parse("2024-09-25T18:00:00Z");

  private Catalogue() {}

  /** Fresh copies of the built-in models. */
  public static List<ObjectNode> builtIn(String account) {
    List<ObjectNode> models = new ArrayList<>();
    models.add(base(FW + "llama-v3p2-3b-instruct", "Llama 3.2 3B Instruct", 3_212_749_824L, 1, 131_072, true, true));
    models.add(base(FW + "llama-v3p1-8b-instruct", "Llama 3.1 8B Instruct", 8_030_261_248L, 1, 131_072, true, true));
    models.add(base(FW + "qwen2p5-7b-instruct", "Qwen2.5 7B Instruct", 7_615_616_512L, 1, 32_768, true, true));
    models.add(base(FW + "llama-v3p1-70b-instruct", "Llama 3.1 70B Instruct", 70_553_706_496L, 4, 131_072, true, true));
    ObjectNode mixtral = base(FW + "mixtral-8x7b", "Mixtral 8x7B (base, completions only)", 46_702_792_704L, 2, 32_768,
        false, false);
    ((ObjectNode) mixtral.get("baseModelDetails")).put("moe", true);
    models.add(mixtral);
    ObjectNode vision = base(FW + "qwen2p5-vl-32b-instruct", "Qwen2.5 VL 32B Instruct (images and text)",
        33_452_718_080L, 1, 128_000, true, false);
    vision.put("supportsImageInput", true);
    models.add(vision);
    models.add(base(FW + "qwen3-embedding-0p6b", "Qwen3 Embedding 0.6B (1024 dimensions)", 595_776_512L, 1, 32_768,
        false, false));
    models.add(base(FW + "qwen3-reranker-0p6b", "Qwen3 Reranker 0.6B", 595_776_512L, 1, 32_768, false, false));
    models.add(addon("accounts/" + account + "/models/my-lora", "Support-bot LoRA on Llama 3.2 3B",
        FW + "llama-v3p2-3b-instruct"));
    models.add(addon("accounts/" + account + "/models/qwen-sql-lora",
        "Text-to-SQL LoRA on Qwen2.5 7B (a different base, for mismatch demos)",
        FW + "qwen2p5-7b-instruct"));
    return models;
  }

  /** A base model resource; {@code chat} decides whether it has a conversation config. */
  public static ObjectNode base(String name, String displayName, long parameters, int worldSize, int contextLength,
      boolean chat, boolean supportsLora) {
    String id = name.substring(name.lastIndexOf('/') + 1);
    ObjectNode m = common(name, displayName, "HF_BASE_MODEL");
    m.put("public", true);
    m.put("contextLength", contextLength);
    m.put("supportsLora", supportsLora);
    m.put("supportsTools", chat);
    m.put("supportsImageInput", false);
    m.put("supportsServerless", false);
    m.put("huggingFaceUrl", "https://huggingface.co/models/" + id);
    if (chat) {
      m.putObject("conversationConfig").put("style", "jinja");
    }
    ObjectNode details = m.putObject("baseModelDetails");
    details.put("worldSize", worldSize);
    details.put("parameterCount", Long.toString(parameters));
    details.put("moe", false);
    details.put("defaultPrecision", "FP16");
    details.put("modelType", id.startsWith("qwen") ? "qwen2" : id.startsWith("mixtral") ? "mixtral" : "llama");
    details.put("checkpointFormat", "HUGGINGFACE");
    details.put("supportsFireattention", true);
    details.put("tunable", supportsLora);
    ArrayNode precisions = m.putArray("supportedPrecisions");
    precisions.add("FP16").add("FP8").add("BF16");
    return m;
  }

  /** A PEFT (LoRA) addon resource trained on {@code baseModel}. */
  public static ObjectNode addon(String name, String displayName, String baseModel) {
    ObjectNode m = common(name, displayName, "HF_PEFT_ADDON");
    m.put("public", false);
    ObjectNode peft = m.putObject("peftDetails");
    peft.put("baseModel", baseModel);
    peft.put("r", 16);
    peft.putArray("targetModules").add("q_proj").add("k_proj").add("v_proj").add("o_proj");
    return m;
  }

  private static ObjectNode common(String name, String displayName, String kind) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("name", name);
    m.put("displayName", displayName);
    m.put("description", displayName + " (emulated)");
    m.put("createTime", MODEL_TIME.toString());
    m.put("updateTime", MODEL_TIME.toString());
    m.put("state", "READY");
    m.put("kind", kind);
    return m;
  }
}
