package ai.fireworks.sdk.inference;

/**
 * Parses a JSON number's characters into the nearest {@code float} without allocating: the
 * decimal significand goes into a {@code long}, and when it fits in 53 bits with a power of ten
 * of at most 22 (every embedding value a server writes) one IEEE multiplication or division gives
 * the correctly rounded double, whose rounding to float is then exact unless the double falls on
 * a float halfway point. Anything else (more than 18 significant digits, large exponents,
 * subnormals, a halfway point) goes to {@link Float#parseFloat}. The result always equals
 * {@code Float.parseFloat} of the same text.
 */
final class FloatText {
  private static final double[] POW10 = new double[23];
  private static final long HALF_FLOAT_ULP = 1L << 28;
  private static final long LOW_29_BITS = (1L << 29) - 1;

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FloatText() {}

  static float parse(char[] c, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && c[i] == '-';
    if (negative) {
      i++;
    }
    long significand = 0;
    int digits = 0;
    int exponent = 0;
    boolean fraction = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (significand != 0 || ch != '0') {
          if (++digits > 18) {
            return slow(c, offset, length);
          }
          significand = significand * 10 + (ch - '0');
        }
        if (fraction) {
          exponent--;
        }
      } else if (ch == '.' && !fraction) {
        fraction = true;
      } else if (ch == 'e' || ch == 'E') {
        int e = parseExponent(c, i + 1, end);
        if (e == Integer.MIN_VALUE) {
          return slow(c, offset, length);
        }
        exponent += e;
        break;
      } else {
        return slow(c, offset, length);
      }
    }
    if (significand == 0) {
      return negative ? -0f : 0f;
    }
    if (exponent < -22 || exponent > 22) {
      return slow(c, offset, length);
    }
    double d = exponent < 0 ? significand / POW10[-exponent] : significand * POW10[exponent];
    long bits = Double.doubleToRawLongBits(d);
    if ((bits & LOW_29_BITS) == HALF_FLOAT_ULP || d < Float.MIN_NORMAL || d > Float.MAX_VALUE) {
      return slow(c, offset, length);
    }
    float f = (float) d;
    return negative ? -f : f;
  }

  /** The exponent's value, or {@link Integer#MIN_VALUE} if it is malformed or beyond three digits. */
  private static int parseExponent(char[] c, int i, int end) {
    boolean negative = false;
    if (i < end && (c[i] == '+' || c[i] == '-')) {
      negative = c[i] == '-';
      i++;
    }
    if (i == end || end - i > 3) {
      return Integer.MIN_VALUE;
    }
    int e = 0;
    for (; i < end; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return Integer.MIN_VALUE;
      }
      e = e * 10 + (c[i] - '0');
    }
    return negative ? -e : e;
  }

  private static float slow(char[] c, int offset, int length) {
    return Float.parseFloat(new String(c, offset, length));
  }
}
