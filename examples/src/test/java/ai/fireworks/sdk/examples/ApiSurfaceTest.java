package ai.fireworks.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Guards the published API: internal packages are exported only to the SDK's own modules, no
 * public signature mentions an internal type, and no generated {@code Immutable*} type is public.
 */
class ApiSurfaceTest {
  private static final List<Class<?>> ANCHORS =
      List.of(FireworksClient.class, DeploymentsClient.class, InferenceClient.class, FireworksEmulator.class);
  private static final Set<String> SDK_MODULES = Set.of("ai.fireworks.sdk.core", "ai.fireworks.sdk.deployments",
      "ai.fireworks.sdk.inference", "ai.fireworks.sdk.testkit");

  @Test
  void internalPackagesAreExportedOnlyToSdkModules() throws Exception {
    for (Class<?> anchor : ANCHORS) {
      ModuleDescriptor descriptor;
      try (InputStream in = read(location(anchor), "module-info.class")) {
        descriptor = ModuleDescriptor.read(in);
      }
      assertTrue(SDK_MODULES.contains(descriptor.name()), descriptor.name());
      for (ModuleDescriptor.Exports e : descriptor.exports()) {
        if (e.source().contains(".internal")) {
          assertTrue(e.isQualified(), descriptor.name() + " exports " + e.source() + " to everyone");
          assertTrue(SDK_MODULES.containsAll(e.targets()), descriptor.name() + " exports " + e.source() + " to " + e.targets());
        }
      }
    }
  }

  @Test
  void publicSignaturesNeverMentionInternalTypes() throws Exception {
    Set<String> leaks = new TreeSet<>();
    int checked = 0;
    for (Class<?> anchor : ANCHORS) {
      for (String name : classNames(location(anchor))) {
        Class<?> c = Class.forName(name, false, anchor.getClassLoader());
        if (!isPublicApi(c)) {
          continue;
        }
        checked++;
        assertFalse(c.getSimpleName().startsWith("Immutable"), c + " is a generated name users should never see");
        check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
        for (Type t : c.getGenericInterfaces()) {
          check(c.getName() + " implements", t, leaks);
        }
        for (Field f : c.getDeclaredFields()) {
          if (visible(f.getModifiers())) {
            check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
          }
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
        members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
        for (Executable m : members) {
          if (!visible(m.getModifiers()) || m.isSynthetic() || (m instanceof Method && ((Method) m).isBridge())) {
            continue;
          }
          String where = c.getName() + "." + m.getName();
          if (m instanceof Method) {
            check(where + " returns", ((Method) m).getGenericReturnType(), leaks);
          }
          for (Type p : m.getGenericParameterTypes()) {
            check(where + " takes", p, leaks);
          }
          for (Type x : m.getGenericExceptionTypes()) {
            check(where + " throws", x, leaks);
          }
        }
      }
    }
    assertTrue(checked > 40, "expected to check the whole public API, checked " + checked + " types");
    assertEquals(Set.of(), leaks);
  }

  private static boolean isPublicApi(Class<?> c) {
    if (c.getPackageName().contains(".internal") || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, Type type, Set<String> leaks) {
    check(where, type, leaks, new java.util.HashSet<>());
  }

  /** {@code seen} stops the walk at recursive bounds such as {@code B extends Builder<B, R>}. */
  private static void check(String where, Type type, Set<String> leaks, Set<TypeVariable<?>> seen) {
    if (type instanceof Class<?>) {
      Class<?> c = (Class<?>) type;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.getPackageName().startsWith("ai.fireworks.sdk") && c.getPackageName().contains(".internal")) {
        leaks.add(where + " " + c.getName());
      }
    } else if (type instanceof ParameterizedType) {
      check(where, ((ParameterizedType) type).getRawType(), leaks, seen);
      for (Type a : ((ParameterizedType) type).getActualTypeArguments()) {
        check(where, a, leaks, seen);
      }
    } else if (type instanceof WildcardType) {
      Stream.concat(Stream.of(((WildcardType) type).getUpperBounds()), Stream.of(((WildcardType) type).getLowerBounds()))
          .forEach(t -> check(where, t, leaks, seen));
    } else if (type instanceof GenericArrayType) {
      check(where, ((GenericArrayType) type).getGenericComponentType(), leaks, seen);
    } else if (type instanceof TypeVariable<?> && seen.add((TypeVariable<?>) type)) {
      for (Type b : ((TypeVariable<?>) type).getBounds()) {
        if (b != Object.class) {
          check(where, b, leaks, seen);
        }
      }
    }
  }

  private static Path location(Class<?> anchor) throws URISyntaxException {
    return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static InputStream read(Path location, String entry) throws IOException {
    if (Files.isDirectory(location)) {
      return Files.newInputStream(location.resolve(entry));
    }
    ZipFile zip = new ZipFile(location.toFile());
    return new java.io.FilterInputStream(zip.getInputStream(zip.getEntry(entry))) {
      @Override
      public void close() throws IOException {
        super.close();
        zip.close();
      }
    };
  }

  private static List<String> classNames(Path location) throws IOException {
    List<String> entries;
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        entries = files.map(p -> location.relativize(p).toString().replace('\\', '/')).collect(Collectors.toList());
      }
    } else {
      try (ZipFile zip = new ZipFile(location.toFile())) {
        entries = zip.stream().map(e -> e.getName()).collect(Collectors.toList());
      }
    }
    return entries.stream()
        .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF"))
        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
        .collect(Collectors.toList());
  }
}
