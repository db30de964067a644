package ai.fireworks.sdk.inference;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a chat message whose content is a list ({@link ChatMessage#user(ContentPart...)}):
 * text ({@code {"type":"text","text":...}}) or an image ({@code {"type":"image_url","image_url":
 * {"url":...}}}). Parts are sent in the order given; some models need the images before the text
 * (Llama 3.2 Vision may refuse otherwise). Immutable; thread-safe.
 */
public final class ContentPart {
  private final String text;
  private final Image image;

  private ContentPart(String text, Image image) {
    this.text = text;
    this.image = image;
  }

  /** A text part. */
  public static ContentPart text(String text) {
    return new ContentPart(Objects.requireNonNull(text, "text"), null);
  }

  /** An image part. */
  public static ContentPart image(Image image) {
    return new ContentPart(null, Objects.requireNonNull(image, "image"));
  }

  /**
   * An image part by URL or data URI; see {@link Image#url(String)}.
   *
   * @throws IllegalArgumentException if {@code url} is neither an http(s) URL nor a supported data URI
   */
  public static ContentPart imageUrl(String url) {
    return image(Image.url(url));
  }

  /** {@code "text"} or {@code "image_url"}, the part's wire type. */
  public String type() {
    return text != null ? "text" : "image_url";
  }

  /** The text of a text part. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The image of an image part. */
  public Optional<Image> image() {
    return Optional.ofNullable(image);
  }

  void write(JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", type());
    if (text != null) {
      gen.writeStringField("text", text);
    } else {
      gen.writeObjectFieldStart("image_url");
      gen.writeFieldName("url");
      image.writeUrl(gen);
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentPart && Objects.equals(text, ((ContentPart) o).text)
        && Objects.equals(image, ((ContentPart) o).image);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, image);
  }

  /** The text, or the image's format and size (never its data). */
  @Override
  public String toString() {
    return text != null ? "text:" + text : image.toString();
  }
}
