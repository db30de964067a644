package ai.fireworks.sdk.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public signature of the module names an internal type, and the public types are the intended ones. */
class ApiSurfaceTest {
  @Test
  void publicSignaturesNameNoInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : publicTypes()) {
      List<String> signatures = new ArrayList<>();
      signatures.add(String.valueOf(c.getGenericSuperclass()));
      for (Method m : c.getMethods()) {
        signatures.add(m.toGenericString());
      }
      for (Executable e : c.getConstructors()) {
        signatures.add(e.toGenericString());
      }
      for (Field f : c.getFields()) {
        signatures.add(f.toGenericString());
      }
      signatures.stream().filter(s -> s.contains(".internal.")).forEach(s -> leaks.add(c.getName() + ": " + s));
    }
    assertTrue(leaks.isEmpty(), leaks::toString);
  }

  @Test
  void thePublicTypesAreTheModelsTheirBuildersAndTheParameters() throws Exception {
    List<String> names = publicTypes().stream().map(Class::getSimpleName).sorted().collect(Collectors.toList());

    assertEquals(List.of("Builder", "Builder", "Builder", "Builder", "Builder", "ChatModelBuilder", "FireworksChatModel",
        "FireworksChatRequestParameters", "FireworksEmbeddingModel", "FireworksModelBuilder", "FireworksScoringModel",
        "FireworksStreamingChatModel"), names);
  }

  private static List<Class<?>> publicTypes() throws Exception {
    Path root = Path.of(FireworksChatModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("ai/fireworks/sdk/langchain4j");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = p.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName("ai.fireworks.sdk.langchain4j." + name);
        if (Modifier.isPublic(c.getModifiers()) && !name.equals("package-info")) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
