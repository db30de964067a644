package ai.fireworks.sdk.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Number and size of the jars on a contender's runtime classpath, its own jars told apart. */
final class ClasspathStats {
  private ClasspathStats() {}

  /**
   * @param jars the runtime classpath, as Maven resolves it for a project depending on the client
   * @param ownPrefix file-name prefix of the client's own jars ({@code fireworks-sdk-}, {@code openai-java})
   */
  static Map<String, Object> of(List<String> jars, String ownPrefix) {
    long bytes = 0;
    long ownBytes = 0;
    List<String> thirdParty = new ArrayList<>();
    List<String> own = new ArrayList<>();
    for (String path : jars) {
      File f = new File(path);
      long size = f.isFile() ? f.length() : 0;
      bytes += size;
      if (f.getName().startsWith(ownPrefix)) {
        own.add(f.getName());
        ownBytes += size;
      } else {
        thirdParty.add(f.getName());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jars", jars.size());
    m.put("third_party_jars", thirdParty.size());
    m.put("mb", bytes / 1e6);
    m.put("own_mb", ownBytes / 1e6);
    m.put("own", own);
    m.put("third_party", thirdParty);
    return m;
  }
}
