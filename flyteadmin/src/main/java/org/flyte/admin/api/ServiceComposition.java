package org.flyte.admin.api;

import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.ClassUtils;

/**
 * Builds one {@link ServerServiceDefinition} of a proto service from several partial
 * implementations of its generated {@code AsyncService} interface. A part claims the methods its
 * class overrides; a method claimed by no part keeps the generated default (UNIMPLEMENTED, HTTP 501
 * over REST); a method claimed twice is a start-up error naming both parts.
 */
final class ServiceComposition {

  private ServiceComposition() {}

  /**
   * @param descriptor the proto service
   * @param parts the partial implementations
   * @param binder the generated {@code bindService(AsyncService)} of the service
   * @param unimplemented an implementation that overrides nothing
   * @return the definition that serves each method from the part that claims it
   * @throws IllegalStateException when two parts claim one method
   */
  static <T> ServerServiceDefinition compose(
      ServiceDescriptor descriptor,
      List<? extends T> parts,
      Function<T, ServerServiceDefinition> binder,
      T unimplemented) {
    Map<String, ServerMethodDefinition<?, ?>> handlers = new LinkedHashMap<>();
    Map<String, Class<?>> claimedBy = new LinkedHashMap<>();
    for (T part : parts) {
      Class<?> type = ClassUtils.getUserClass(part);
      ServerServiceDefinition bound = binder.apply(part);
      for (ServerMethodDefinition<?, ?> method : bound.getMethods()) {
        String name = method.getMethodDescriptor().getFullMethodName();
        if (!overrides(type, javaName(method.getMethodDescriptor()))) {
          continue;
        }
        Class<?> previous = claimedBy.putIfAbsent(name, type);
        if (previous != null) {
          throw new IllegalStateException(
              name
                  + " is implemented by both "
                  + previous.getName()
                  + " and "
                  + type.getName()
                  + ": each method belongs to one capability");
        }
        handlers.put(name, method);
      }
    }
    ServerServiceDefinition.Builder composed = ServerServiceDefinition.builder(descriptor);
    for (ServerMethodDefinition<?, ?> fallback : binder.apply(unimplemented).getMethods()) {
      composed.addMethod(
          handlers.getOrDefault(fallback.getMethodDescriptor().getFullMethodName(), fallback));
    }
    return composed.build();
  }

  /** The Java method name protoc-gen-grpc-java generates for a method ({@code createTask}). */
  static String javaName(MethodDescriptor<?, ?> method) {
    String bare = method.getBareMethodName();
    return bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1);
  }

  private static boolean overrides(Class<?> type, String javaName) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(javaName)
            && method.getParameterCount() == 2
            && !method.isSynthetic()
            && !Modifier.isStatic(method.getModifiers())) {
          return true;
        }
      }
    }
    return false;
  }
}
