package ai.fireworks.sdk.inference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image for a vision model's chat message ({@link ContentPart#image}): an {@code http(s)} URL the
 * server downloads (under 5 MB, fetched within 1.5 s), or the image itself as a
 * {@code data:image/<format>;base64,...} URI built from bytes, a file or a stream. Accepted
 * formats: {@link ImageFormat} (png, jpg/jpeg, gif, bmp, tiff, ppm); the MIME type comes from the
 * file extension or, failing that and for bytes and streams, from the image's first bytes.
 *
 * <p>The base64 encoding is streamed from the source into one buffer of the final size (for files
 * and byte arrays) and written from there into the request body, so a large image is held once
 * encoded, not as raw bytes, base64 bytes and a string. A single image whose encoding would reach
 * {@link #MAX_BASE64_BYTES_PER_REQUEST} is refused before it is read. Immutable; thread-safe.
 */
public final class Image {
  /** Most images one request may carry (URLs and data URIs alike). */
  public static final int MAX_PER_REQUEST = 30;
  /**
   * Base64-encoded images of one request must total less than this: 10 MB, counted as
   * 10,000,000 bytes (the stricter reading of the service's "under 10 MB").
   */
  public static final long MAX_BASE64_BYTES_PER_REQUEST = 10_000_000L;

  private final String url;
  private final byte[] dataUri;
  private final int dataUriLength;
  private final int prefixLength;
  private final ImageFormat format;

  private Image(String url, byte[] dataUri, int dataUriLength, int prefixLength, ImageFormat format) {
    this.url = url;
    this.dataUri = dataUri;
    this.dataUriLength = dataUriLength;
    this.prefixLength = prefixLength;
    this.format = format;
  }

  /**
   * An image by URL: {@code https://...} (or {@code http://}) for the server to download, or a
   * complete {@code data:image/<format>;base64,<data>} URI. A data URI is sent with the canonical
   * header of its format, {@code data:<}{@link ImageFormat#mimeType()}{@code >;base64,}: lower case,
   * {@code image/jpg} as {@code image/jpeg}, {@code image/x-portable-pixmap} as {@code image/ppm}.
   *
   * @throws IllegalArgumentException if it is neither, or a data URI of an unsupported format
   */
  public static Image url(String url) {
    Objects.requireNonNull(url, "url");
    if (url.regionMatches(true, 0, "data:", 0, 5)) {
      int comma = url.indexOf(',');
      String header = comma < 0 ? "" : url.substring(5, comma);
      if (!header.toLowerCase(Locale.ROOT).endsWith(";base64") || comma == url.length() - 1) {
        throw new IllegalArgumentException("image url is a data URI but not data:image/<format>;base64,<data>: "
            + excerpt(url));
      }
      ImageFormat f = format(header.substring(0, header.length() - ";base64".length()));
      String prefix = prefix(f);
      String canonical = url.startsWith(prefix) ? url : prefix + url.substring(comma + 1);
      return new Image(canonical, null, canonical.length(), prefix.length(), f);
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return new Image(url, null, 0, 0, null);
      }
    } catch (URISyntaxException e) {
      // reported below, with the rule
    }
    throw new IllegalArgumentException("image url must be an http(s) URL or a data:image/<format>;base64, URI, was "
        + excerpt(url));
  }

  /**
   * The image in {@code bytes}, its format recognised from its first bytes.
   *
   * @throws IllegalArgumentException if the format is not one of {@link ImageFormat}, or the image is too large
   */
  public static Image of(byte[] bytes) {
    return of(bytes, ImageFormat.sniff(bytes, bytes.length).orElseThrow(() -> unrecognised("the bytes")));
  }

  /** The image in {@code bytes}, declared to be {@code format}. */
  public static Image of(byte[] bytes, ImageFormat format) {
    try {
      return encode(new java.io.ByteArrayInputStream(bytes), format, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The image in {@code file}: its format from the extension, else from its first bytes; refused
   * before reading if its encoding would be too large.
   *
   * @throws IllegalArgumentException if the format is not one of {@link ImageFormat}, or the image is too large
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Image of(Path file) {
    try {
      Optional<ImageFormat> byName = ImageFormat.fromFileName(String.valueOf(file.getFileName()));
      ImageFormat f = byName.isPresent() ? byName.get() : sniff(file);
      try (InputStream in = Files.newInputStream(file)) {
        return encode(in, f, Files.size(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The image read from {@code in} to its end (not closed), its format recognised from its first bytes.
   *
   * @throws IllegalArgumentException if the format is not one of {@link ImageFormat}, or the image is too large
   * @throws UncheckedIOException if reading fails
   */
  public static Image of(InputStream in) {
    try {
      byte[] head = in.readNBytes(ImageFormat.HEADER_BYTES);
      ImageFormat f = ImageFormat.sniff(head, head.length).orElseThrow(() -> unrecognised("the stream"));
      return encode(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in), f, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image stream: " + e.getMessage(), e);
    }
  }

  /** The image read from {@code in} to its end (not closed), declared to be {@code format}. */
  public static Image of(InputStream in, ImageFormat format) {
    try {
      return encode(in, format, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image stream: " + e.getMessage(), e);
    }
  }

  /** True for an image carried in the request as a {@code data:} URI, false for a URL the server downloads. */
  public boolean isDataUri() {
    return url == null || prefixLength > 0;
  }

  /** The format, known for data URIs; empty for URLs. */
  public Optional<ImageFormat> format() {
    return Optional.ofNullable(format);
  }

  /** Length of the base64 data this image adds to the request; 0 for a URL. */
  public long base64Length() {
    return isDataUri() ? dataUriLength - prefixLength : 0;
  }

  /** The URL, or the whole data URI (a new string each call for an image built from bytes: it may be large). */
  public String url() {
    return url != null ? url : new String(dataUri, 0, dataUriLength, StandardCharsets.US_ASCII);
  }

  /** Writes the URL as a JSON string, straight from the encoded bytes when the generator writes UTF-8. */
  void writeUrl(JsonGenerator gen) throws IOException {
    if (url == null && gen instanceof UTF8JsonGenerator) {
      gen.writeUTF8String(dataUri, 0, dataUriLength);
    } else {
      gen.writeString(url());
    }
  }

  /** Equal when the URL, or the data URI, is the same. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Image)) {
      return false;
    }
    Image i = (Image) o;
    if (url != null || i.url != null) {
      return url().equals(i.url());
    }
    return java.util.Arrays.equals(dataUri, 0, dataUriLength, i.dataUri, 0, i.dataUriLength);
  }

  @Override
  public int hashCode() {
    return url != null ? url.hashCode() : Long.hashCode(base64Length()) * 31 + format.hashCode();
  }

  /** The format and size, never the data. */
  @Override
  public String toString() {
    return isDataUri() ? "Image{" + format.mimeType() + ", base64Length=" + base64Length() + "}"
        : "Image{" + excerpt(url) + "}";
  }

  private static Image encode(InputStream in, ImageFormat format, long size) throws IOException {
    byte[] prefix = prefix(format).getBytes(StandardCharsets.US_ASCII);
    long encoded = size < 0 ? -1 : 4 * ((size + 2) / 3);
    if (encoded >= MAX_BASE64_BYTES_PER_REQUEST) {
      throw tooLarge(encoded);
    }
    Buffer out = new Buffer(encoded < 0 ? 64 * 1024 : (int) (prefix.length + encoded), prefix.length);
    out.write(prefix);
    try (OutputStream base64 = Base64.getEncoder().wrap(out)) {
      in.transferTo(base64);
    }
    return new Image(null, out.bytes, out.count, prefix.length, format);
  }

  /** The canonical header of a data URI of {@code format}, comma included. */
  private static String prefix(ImageFormat format) {
    return "data:" + format.mimeType() + ";base64,";
  }

  private static ImageFormat sniff(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ImageFormat.HEADER_BYTES);
      return ImageFormat.sniff(head, head.length).orElseThrow(() -> unrecognised(String.valueOf(file)));
    }
  }

  private static ImageFormat format(String mimeType) {
    return ImageFormat.fromMimeType(mimeType).orElseThrow(() -> new IllegalArgumentException(
        "unsupported image format " + mimeType + ": vision models accept png, jpeg, gif, bmp, tiff and ppm"));
  }

  private static IllegalArgumentException unrecognised(String what) {
    return new IllegalArgumentException("unsupported image format: " + what + " is not png, jpeg, gif, bmp, tiff or "
        + "ppm (by its first bytes); convert it, or name the format if it is one of these");
  }

  private static IllegalArgumentException tooLarge(long encoded) {
    return new IllegalArgumentException("image too large: its base64 encoding is at least " + encoded + " bytes, and the "
        + "base64 images of one request must total less than " + MAX_BASE64_BYTES_PER_REQUEST + " bytes (10 MB); "
        + "pass a smaller image or an https URL");
  }

  private static String excerpt(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** Collects the encoding, growing only when the size was not known, refusing to reach the limit. */
  private static final class Buffer extends OutputStream {
    private final int prefixLength;
    byte[] bytes;
    int count;

    Buffer(int capacity, int prefixLength) {
      this.bytes = new byte[capacity];
      this.prefixLength = prefixLength;
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }

    private void ensure(int more) {
      long needed = (long) count + more;
      if (needed - prefixLength >= MAX_BASE64_BYTES_PER_REQUEST) {
        throw tooLarge(needed - prefixLength);
      }
      if (needed > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, (int) Math.max(needed, bytes.length * 3L / 2));
      }
    }
  }
}
