package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images in chat messages: the wire shape, the data URIs the helpers build, and the refusals. */
class VisionTest extends InferenceTestSupport {
  static final byte[] PNG = png(300);

  @TempDir
  Path dir;

  @Test
  void partsAreSentInTheGivenOrderWithUrlAndDataUriImages() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));

    inference.chat(ChatRequest.builder().model(StreamingTest.QWEN).addMessage(ChatMessage.user(
        ContentPart.image(Image.of(PNG)), ContentPart.imageUrl("https://example.com/cat.jpg"),
        ContentPart.text("What differs?"))).build());

    JsonNode content = body(take()).at("/messages/0/content");
    assertEquals(3, content.size());
    assertEquals("image_url", content.at("/0/type").asText());
    assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG), content.at("/0/image_url/url").asText());
    assertEquals("https://example.com/cat.jpg", content.at("/1/image_url/url").asText());
    assertEquals("text", content.at("/2/type").asText());
    assertEquals("What differs?", content.at("/2/text").asText());
  }

  @Test
  void aTextMessageStillSendsAString() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));

    inference.chat(ChatRequest.of(StreamingTest.QWEN, "plain"));

    assertEquals("plain", body(take()).at("/messages/0/content").asText());
  }

  @Test
  void helpersNameTheMimeTypeFromTheExtensionOrTheFirstBytes() throws Exception {
    Path jpg = Files.write(dir.resolve("photo.JPG"), PNG); // the extension wins for files
    Path unnamed = Files.write(dir.resolve("upload"), gif());

    assertEquals(ImageFormat.JPEG, Image.of(jpg).format().orElseThrow());
    assertEquals(ImageFormat.GIF, Image.of(unnamed).format().orElseThrow());
    assertEquals(ImageFormat.PNG, Image.of(new ByteArrayInputStream(PNG)).format().orElseThrow());
    assertEquals(ImageFormat.BMP, Image.of(new byte[] {'B', 'M', 1, 2, 3}).format().orElseThrow());
    assertEquals(ImageFormat.TIFF, Image.of(new byte[] {'I', 'I', 42, 0, 9}).format().orElseThrow());
    assertEquals(ImageFormat.PPM, Image.of("P6\n1 1\n255\nabc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .format().orElseThrow());
    assertTrue(Image.of(new ByteArrayInputStream(PNG)).url().startsWith("data:image/png;base64,iVBORw0KGg"));
    assertEquals(ImageFormat.TIFF, Image.url("data:image/tiff;base64,SUkqAA==").format().orElseThrow());
  }

  @Test
  void ppmIsSentAsImagePpmWhateverItWasBuiltFrom() throws Exception {
    byte[] ppm = "P6\n1 1\n255\nabc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String base64 = Base64.getEncoder().encodeToString(ppm);
    Path file = Files.write(dir.resolve("pixel.ppm"), ppm);

    assertEquals("image/ppm", ImageFormat.PPM.mimeType());
    assertEquals("data:image/ppm;base64," + base64, Image.of(ppm).url());
    assertEquals("data:image/ppm;base64," + base64, Image.of(file).url());
    assertEquals("data:image/ppm;base64," + base64, Image.url("data:image/x-portable-pixmap;base64," + base64).url());
    assertEquals(ImageFormat.PPM, ImageFormat.fromMimeType("image/X-Portable-Pixmap").orElseThrow());
  }

  @Test
  void aDataUriIsSentWithTheCanonicalHeaderOfItsFormat() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));
    Image shouty = Image.url("data:image/JPG;BASE64,/9j/4AAQ");

    inference.chat(ChatRequest.builder().model(StreamingTest.QWEN).addMessage(ChatMessage.user(
        ContentPart.image(shouty), ContentPart.imageUrl("DATA:Image/PNG;base64,iVBORw0K"),
        ContentPart.text("Same?"))).build());

    JsonNode content = body(take()).at("/messages/0/content");
    assertEquals("data:image/jpeg;base64,/9j/4AAQ", content.at("/0/image_url/url").asText());
    assertEquals("data:image/png;base64,iVBORw0K", content.at("/1/image_url/url").asText());
    assertEquals(8, shouty.base64Length());
    assertEquals(Image.url("data:image/jpeg;base64,/9j/4AAQ"), shouty);
    String canonical = "data:image/gif;base64,R0lGODlh";
    assertSame(canonical, Image.url(canonical).url(), "a canonical data URI is kept as given, not copied");
  }

  @Test
  void aLargeImageIsEncodedExactlyFromAFileAndAStream() throws Exception {
    byte[] big = png(3_000_001);
    Path file = Files.write(dir.resolve("big.png"), big);
    String expected = "data:image/png;base64," + Base64.getEncoder().encodeToString(big);

    Image fromFile = Image.of(file);
    Image fromStream = Image.of(new ByteArrayInputStream(big));

    assertEquals(expected, fromFile.url());
    assertEquals(expected, fromStream.url());
    assertEquals(4_000_004, fromFile.base64Length());
    assertEquals(fromFile, fromStream);
  }

  @Test
  void unsupportedFormatsAndUrlsAreRefused() {
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class, () -> Image.of(webp));
    assertTrue(bytes.getMessage().contains("unsupported image format"), bytes.getMessage());
    IllegalArgumentException mime = assertThrows(IllegalArgumentException.class,
        () -> ContentPart.imageUrl("data:image/webp;base64,UklGRg=="));
    assertTrue(mime.getMessage().contains("unsupported image format image/webp"), mime.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ContentPart.imageUrl("ftp://example.com/a.png"));
    assertThrows(IllegalArgumentException.class, () -> ContentPart.imageUrl("data:image/png,notbase64"));
    assertThrows(IllegalArgumentException.class, () -> Image.of(new ByteArrayInputStream(webp)));
  }

  @Test
  void moreThanThirtyImagesAreRefusedBeforeSending() {
    List<ContentPart> parts = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      parts.add(ContentPart.imageUrl("https://example.com/" + i + ".png"));
    }

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatRequest.builder()
        .model(StreamingTest.QWEN).addMessage(ChatMessage.user(parts)).build());

    assertTrue(e.getMessage().contains("31 images, more than the 30"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void base64ImagesTotallingTenMegabytesAreRefusedBeforeSending() {
    Image half = Image.of(png(3_750_000)); // 5,000,000 base64 bytes

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatRequest.builder()
        .model(StreamingTest.QWEN).addMessage(ChatMessage.user(ContentPart.image(half), ContentPart.text("a")))
        .addMessage(ChatMessage.user(ContentPart.image(half), ContentPart.text("b"))).build());

    assertTrue(e.getMessage().contains("total 10000000 bytes"), e.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Image.of(new ByteArrayInputStream(png(7_500_000))));
    assertTrue(one.getMessage().contains("image too large"), one.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMessageHasTextOrPartsNotBoth() {
    assertThrows(IllegalArgumentException.class, () -> ChatMessage.builder().role(ChatRole.USER).content("x")
        .addParts(ContentPart.text("y")).build());
    ChatMessage m = ChatMessage.user(ContentPart.text("one"), ContentPart.imageUrl("https://e.com/a.gif"),
        ContentPart.text("two"));
    assertEquals("one\ntwo", m.text());
    assertEquals(1, m.images().size());
    assertFalse(m.images().get(0).isDataUri());
    assertThrows(UnsupportedOperationException.class, () -> m.images().clear());
    assertEquals(List.of(), ChatMessage.user("text only").images());
  }

  static byte[] png(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(sig, 0, b, 0, Math.min(sig.length, size));
    return b;
  }

  private static byte[] gif() {
    byte[] b = Arrays.copyOf("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 20);
    b[19] = 1;
    return b;
  }
}
