package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports only its public package, and no internal type appears in a public signature. */
class ApiSurfaceTest {
  private static final String INTERNAL = "ai.fireworks.sdk.core.internal";

  @Test
  void internalPackageIsExportedOnlyToTheSdksOwnModules() {
    ModuleDescriptor d = FireworksClient.class.getModule().getDescriptor();
    Map<String, Set<String>> exports = new TreeMap<>();
    d.exports().forEach(e -> exports.put(e.source(), e.targets()));

    assertEquals(Set.of(), exports.get("ai.fireworks.sdk.core"), "public package exported to everyone");
    assertEquals(Set.of("ai.fireworks.sdk.deployments", "ai.fireworks.sdk.inference", "ai.fireworks.sdk.testkit"),
        exports.get(INTERNAL));
    assertEquals(2, exports.size(), exports.toString());
  }

  @Test
  void noInternalTypeInAPublicSignature() throws Exception {
    URI classes = FireworksClient.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    Path dir = Path.of(classes).resolve("ai/fireworks/sdk/core");
    List<String> leaks = new ArrayList<>();
    List<Class<?>> types;
    try (Stream<Path> files = Files.list(dir)) {
      types = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
          .map(n -> "ai.fireworks.sdk.core." + n.substring(0, n.length() - ".class".length()))
          .map(ApiSurfaceTest::load).collect(Collectors.toList());
    }
    int checked = 0;
    for (Class<?> c : types) {
      if (!Modifier.isPublic(c.getModifiers()) || c.getName().contains("Test") || c.getName().startsWith(
          "ai.fireworks.sdk.core.TestState")) {
        continue;
      }
      checked++;
      check(leaks, c + " extends", c.getGenericSuperclass());
      for (Type i : c.getGenericInterfaces()) {
        check(leaks, c + " implements", i);
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          check(leaks, f.toString(), f.getGenericType());
        }
      }
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!visible(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        for (Type p : m.getGenericParameterTypes()) {
          check(leaks, m.toGenericString(), p);
        }
        for (Type e : m.getGenericExceptionTypes()) {
          check(leaks, m.toGenericString(), e);
        }
        if (m instanceof Method) {
          check(leaks, m.toGenericString(), ((Method) m).getGenericReturnType());
        }
      }
    }

    assertTrue(checked > 30, "checked only " + checked + " public types");
    assertEquals(List.of(), leaks);
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> leaks, String where, Type t) {
    if (t != null && t.getTypeName().contains(INTERNAL)) {
      leaks.add(where + " mentions " + t.getTypeName());
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
