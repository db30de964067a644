package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FloatText} agrees with {@link Float#parseFloat} bit for bit. */
class FloatTextTest {
  @Test
  void agreesWithParseFloatOnTheFormsServersWrite() {
    String[] samples = {"0", "-0", "0.0", "1", "-1", "0.5", "-0.125", "1e-3", "1E+2", "-2.5e-05", "3.4028235e38",
        "1.4e-45", "1.17549435E-38", "0.000000000000000000000000000001", "123456789012345678901234567890",
        "0.1000000000000000055511151231257827", "16777217", "0.30000001192092896", "1e39", "-1e-50", "9.999999e-1"};
    for (String s : samples) {
      assertEquals(Float.floatToRawIntBits(Float.parseFloat(s)), Float.floatToRawIntBits(parse(s)), s);
    }
  }

  @Test
  void agreesWithParseFloatOnRandomValuesInEveryPrintedForm() {
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      float f = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 8));
      double d = random.nextGaussian() / 32;
      for (String s : new String[] {Float.toString(f), Double.toString(d), String.format(java.util.Locale.ROOT, "%.9f", d),
          String.format(java.util.Locale.ROOT, "%.12e", d)}) {
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(s)), Float.floatToRawIntBits(parse(s)), s);
      }
    }
  }

  private static float parse(String s) {
    char[] padded = ("[" + s + "]").toCharArray();
    return FloatText.parse(padded, 1, s.length());
  }
}
