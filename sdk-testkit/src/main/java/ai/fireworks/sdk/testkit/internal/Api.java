package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Authentication and routing of control-plane and inference requests to the services. */
public final class Api {
  private static final Set<String> INFERENCE_ENDPOINTS = Set.of("/completions", "/chat/completions", "/embeddings",
      "/rerank");
  private static final Pattern SHAPES = Pattern.compile(
      "/v1/accounts/([^/]+)/deploymentShapes(?:/([^/:]+)(/versions(?:/([^/:]+))?)?)?");

  private final World world;
  private final String apiKey;
  private final ObjectMapper mapper;
  private final DeploymentService deployments;
  private final DeployedModelService deployedModels;
  private final ModelService models;
  private final ShapeService shapes;
  private final InferenceService inference;
  private final RetrievalService retrieval;

  public Api(World world, String apiKey, ObjectMapper mapper) {
    this.world = world;
    this.apiKey = apiKey;
    this.mapper = mapper;
    this.deployments = new DeploymentService(world);
    this.deployedModels = new DeployedModelService(world);
    this.models = new ModelService(world);
    this.shapes = new ShapeService(world);
    this.inference = new InferenceService(world, mapper);
    this.retrieval = new RetrievalService(inference);
  }

  /** True for paths answered with the inference error shape. */
  static boolean isInference(String rawPath) {
    return rawPath.startsWith("/inference/");
  }

  /** Handles one request; throws {@link ApiError} for error answers. */
  Reply handle(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    authenticate(headers);
    Query q = Query.parse(rawQuery);
    if (isInference(rawPath)) {
      String endpoint = rawPath.startsWith("/inference/v1/") ? rawPath.substring("/inference/v1".length()) : rawPath;
      if (!INFERENCE_ENDPOINTS.contains(endpoint)) {
        throw ApiError.of(404, RpcCode.NOT_FOUND, "Not Found: " + rawPath)
            .inference("invalid_request_error", "NOT_FOUND", null);
      }
      if (!method.equals("POST")) {
        throw ApiError.of(405, RpcCode.UNIMPLEMENTED, "Method Not Allowed")
            .inference("invalid_request_error", "METHOD_NOT_ALLOWED", null);
      }
      JsonNode json = json(body, true);
      switch (endpoint) {
        case "/embeddings":
          return retrieval.embeddings(json);
        case "/rerank":
          return retrieval.rerank(json);
        default:
          return inference.handle(json, endpoint.equals("/chat/completions"));
      }
    }
    Matcher shape = SHAPES.matcher(rawPath);
    if (shape.matches()) {
      return Reply.json(200, shape(method, shape, q));
    }
    String[] seg = rawPath.split("/", -1);
    if (seg.length < 5 || seg.length > 6 || !seg[0].isEmpty() || !seg[1].equals("v1") || !seg[2].equals("accounts")) {
      throw notFound(rawPath);
    }
    String account = decode(seg[3]);
    String collection = seg[4];
    int colon = seg.length == 6 ? seg[5].indexOf(':') : -1;
    String id = seg.length < 6 ? null : decode(colon < 0 ? seg[5] : seg[5].substring(0, colon));
    String verb = colon < 0 ? null : seg[5].substring(colon + 1);
    if (id != null && (id.isEmpty() || id.contains(":") || id.contains("/"))) {
      throw notFound(rawPath); // an encoded colon (%3A) is part of the id, not a custom method
    }
    boolean readOnlyModels = collection.equals("models") && method.equals("GET") && account.equals("fireworks");
    if (!account.equals(world.account()) && !readOnlyModels) {
      throw ApiError.of(RpcCode.PERMISSION_DENIED, "the API key does not have access to account \"" + account + "\"");
    }
    switch (collection) {
      case "deployments":
        return Reply.json(200, deployment(method, id, verb, q, body, rawPath));
      case "deployedModels":
        noVerb(verb, rawPath);
        return Reply.json(200, id == null
            ? on(method, "GET", () -> deployedModels.list(q), "POST", () -> deployedModels.create(q, json(body, false)))
            : on(method, "GET", () -> deployedModels.get(id), "PATCH", () -> deployedModels.update(id, q, json(body, false)),
                "DELETE", () -> deployedModels.delete(id)));
      case "models":
        noVerb(verb, rawPath);
        return Reply.json(200, id == null ? on(method, "GET", () -> models.list(account, q))
            : on(method, "GET", () -> models.get(account, id, q)));
      default:
        throw notFound(rawPath);
    }
  }

  /** The read-only deployment-shape endpoints; shapes of account {@code fireworks} are public. */
  private JsonNode shape(String method, Matcher m, Query q) {
    String account = decode(m.group(1));
    if (!account.equals(world.account()) && !account.equals("fireworks")) {
      throw ApiError.of(RpcCode.PERMISSION_DENIED, "the API key does not have access to account \"" + account + "\"");
    }
    String id = m.group(2) == null ? null : decode(m.group(2));
    if (id == null) {
      return on(method, "GET", () -> shapes.list(account, q));
    }
    if (m.group(3) == null) {
      return on(method, "GET", () -> shapes.get(account, id));
    }
    String version = m.group(4);
    return version == null ? on(method, "GET", () -> shapes.listVersions(account, id, q))
        : on(method, "GET", () -> shapes.getVersion(account, id, decode(version)));
  }

  private JsonNode deployment(String method, String id, String verb, Query q, byte[] body, String rawPath) {
    if (id == null) {
      return on(method, "GET", () -> deployments.list(q), "POST", () -> deployments.create(q, json(body, false)));
    }
    if (verb == null) {
      return on(method, "GET", () -> deployments.get(id, q), "PATCH", () -> deployments.update(id, q, json(body, false)),
          "DELETE", () -> deployments.delete(id, q));
    }
    switch (verb) {
      case "scale":
        return on(method, "PATCH", () -> deployments.scale(id, json(body, false)));
      case "undelete":
        return on(method, "POST", () -> deployments.undelete(id));
      default:
        throw notFound(rawPath);
    }
  }

  private void authenticate(Map<String, List<String>> headers) {
    List<String> auth = headers.get("authorization");
    if (auth == null || auth.isEmpty()) {
      throw ApiError.of(RpcCode.UNAUTHENTICATED, "missing API key: send the header Authorization: Bearer <API key>")
          .inference("authentication_error", "UNAUTHENTICATED", null);
    }
    String v = auth.get(0).trim();
    if (!v.regionMatches(true, 0, "Bearer ", 0, 7) || !v.substring(7).trim().equals(apiKey)) {
      throw ApiError.of(RpcCode.UNAUTHENTICATED, "invalid API key")
          .inference("authentication_error", "UNAUTHENTICATED", null);
    }
  }

  @FunctionalInterface
  private interface Op {
    JsonNode run();
  }

  private static JsonNode dispatch(String method, Object[] pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(method)) {
        return ((Op) pairs[i + 1]).run();
      }
    }
    throw ApiError.of(405, RpcCode.UNIMPLEMENTED, "Method Not Allowed");
  }

  private static JsonNode on(String method, String m1, Op op1) {
    return dispatch(method, new Object[] {m1, op1});
  }

  private static JsonNode on(String method, String m1, Op op1, String m2, Op op2) {
    return dispatch(method, new Object[] {m1, op1, m2, op2});
  }

  private static JsonNode on(String method, String m1, Op op1, String m2, Op op2, String m3, Op op3) {
    return dispatch(method, new Object[] {m1, op1, m2, op2, m3, op3});
  }

  private static void noVerb(String verb, String rawPath) {
    if (verb != null) {
      throw notFound(rawPath);
    }
  }

  private JsonNode json(byte[] body, boolean inferenceShape) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      String message = "invalid JSON body: " + e.getMessage().split("\n")[0];
      throw inferenceShape ? InferenceService.invalid(message, null) : ApiError.invalid(message);
    }
  }

  private static ApiError notFound(String rawPath) {
    return ApiError.of(RpcCode.NOT_FOUND, "Not Found: no such resource or method " + rawPath);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
