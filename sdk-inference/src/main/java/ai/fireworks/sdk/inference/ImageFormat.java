package ai.fireworks.sdk.inference;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Fireworks' vision models accept ({@code .png .jpg .jpeg .gif .bmp .tiff .ppm}),
 * with the MIME type a {@code data:} URI names them by and how to recognise them from their first
 * bytes. Thread-safe.
 */
public enum ImageFormat {
  /** PNG, {@code image/png}. */
  PNG("image/png"),
  /** JPEG ({@code .jpg}, {@code .jpeg}), {@code image/jpeg}. */
  JPEG("image/jpeg"),
  /** GIF, {@code image/gif}. */
  GIF("image/gif"),
  /** BMP, {@code image/bmp}. */
  BMP("image/bmp"),
  /** TIFF ({@code .tif}, {@code .tiff}), {@code image/tiff}. */
  TIFF("image/tiff"),
  /** Portable pixmap, {@code image/ppm} (the service's spelling; {@code image/x-portable-pixmap} is read too). */
  PPM("image/ppm");

  /** Bytes {@link #sniff} needs to tell the formats apart. */
  static final int HEADER_BYTES = 8;

  private final String mimeType;

  ImageFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  /** The MIME type, e.g. {@code image/png}. */
  public String mimeType() {
    return mimeType;
  }

  /** The format of a file name's extension ({@code photo.JPG} is JPEG), if it is one of the accepted ones. */
  public static Optional<ImageFormat> fromFileName(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    switch (ext) {
      case "png": return Optional.of(PNG);
      case "jpg": case "jpeg": return Optional.of(JPEG);
      case "gif": return Optional.of(GIF);
      case "bmp": return Optional.of(BMP);
      case "tif": case "tiff": return Optional.of(TIFF);
      case "ppm": return Optional.of(PPM);
      default: return Optional.empty();
    }
  }

  /**
   * The format a MIME type names, in any case ({@code image/jpg} and {@code image/x-portable-pixmap}
   * too), if it is one of the accepted ones.
   */
  public static Optional<ImageFormat> fromMimeType(String mimeType) {
    String m = mimeType.toLowerCase(Locale.ROOT);
    if (m.equals("image/jpg")) {
      return Optional.of(JPEG);
    }
    if (m.equals("image/x-portable-pixmap")) {
      return Optional.of(PPM);
    }
    for (ImageFormat f : values()) {
      if (f.mimeType.equals(m)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format whose signature starts {@code header} (at least its first {@link #HEADER_BYTES} bytes, if it has them). */
  static Optional<ImageFormat> sniff(byte[] header, int length) {
    if (starts(header, length, 0x89, 'P', 'N', 'G')) {
      return Optional.of(PNG);
    }
    if (starts(header, length, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(header, length, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (starts(header, length, 'B', 'M')) {
      return Optional.of(BMP);
    }
    if (starts(header, length, 'I', 'I', 42, 0) || starts(header, length, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    if (starts(header, length, 'P', '6') || starts(header, length, 'P', '3')) {
      return Optional.of(PPM);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int length, int... signature) {
    if (length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((b[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
