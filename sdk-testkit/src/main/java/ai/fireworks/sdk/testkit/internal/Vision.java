package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Checks the content parts of chat messages like the service: {@code text} parts with a string,
 * {@code image_url} parts with an http(s) URL or a {@code data:image/<format>;base64,} URI of an
 * accepted format, at most 30 images, base64 images totalling under 10 MB (10,000,000 bytes).
 */
final class Vision {
  static final int MAX_IMAGES = 30;
  static final long MAX_BASE64 = 10_000_000L;
  private static final Pattern DATA_URI = Pattern.compile(
      "data:image/(png|jpeg|jpg|gif|bmp|tiff|x-portable-pixmap|ppm);base64,[A-Za-z0-9+/]+=*", Pattern.CASE_INSENSITIVE);

  private Vision() {}

  /** The number of images in {@code messages}; throws 400 for a malformed part or a limit exceeded. */
  static int countImages(JsonNode messages) {
    int images = 0;
    long base64 = 0;
    for (JsonNode m : messages) {
      JsonNode content = m.get("content");
      if (content == null || !content.isArray()) {
        continue;
      }
      for (JsonNode part : content) {
        String type = part.path("type").asText("");
        if (type.equals("text")) {
          if (!part.path("text").isTextual()) {
            throw InferenceService.invalid("a text part needs a string \"text\"", "messages");
          }
        } else if (type.equals("image_url")) {
          String url = part.path("image_url").path("url").asText("");
          if (url.regionMatches(true, 0, "data:", 0, 5)) {
            if (!DATA_URI.matcher(url).matches()) {
              throw InferenceService.invalid("image_url.url must be data:image/<png|jpeg|gif|bmp|tiff|ppm>;base64,<data>"
                  + ", got " + (url.length() > 40 ? url.substring(0, 40) + "..." : url), "messages");
            }
            base64 += url.length() - url.indexOf(',') - 1;
          } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw InferenceService.invalid("image_url.url must be an http(s) URL or a data URI", "messages");
          }
          images++;
        } else {
          throw InferenceService.invalid("content part type must be \"text\" or \"image_url\", got \"" + type + "\"",
              "messages");
        }
      }
    }
    if (images > MAX_IMAGES) {
      throw InferenceService.invalid("at most " + MAX_IMAGES + " images per request, got " + images, "messages");
    }
    if (base64 >= MAX_BASE64) {
      throw InferenceService.invalid("base64 images must total under 10 MB, got " + base64 + " bytes", "messages");
    }
    return images;
  }
}
