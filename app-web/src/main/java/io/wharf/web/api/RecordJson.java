package io.wharf.web.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API's bodies written exactly as {@link JsonSettings#JSONB} writes them (snake_case names in lexicographic order,
 * null properties left out), for the shapes they have: records of strings, whole numbers, booleans, lists, maps and
 * other such records. JSON-B's general writer was the largest part of a 100-item list's time (profiled: a third);
 * anything else — a class, an enum, a date, a decimal, a JSON-B annotation — is {@link Unsupported} and left to JSON-B.
 */
final class RecordJson {
    /** The value holds something this writer does not write as JSON-B would. */
    static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A record component: its JSON name, that name as written ({@code "name":}) and its accessor. */
    private record Property(String name, String prefix, MethodHandle accessor) {
    }

    private static final Property[] NOT_A_PLAIN_RECORD = new Property[0];
    private static final ClassValue<Property[]> PROPERTIES = new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
            return properties(type);
        }
    };

    private RecordJson() {
    }

    static byte[] write(Object value) throws Unsupported {
        StringBuilder json = new StringBuilder(4096);
        value(json, value);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder json, Object value) throws Unsupported {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            string(json, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                json.append(first ? "" : ",");
                first = false;
                value(json, item);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key) || entry.getValue() == null) {
                    throw new Unsupported();
                }
                json.append(first ? "" : ",");
                first = false;
                string(json, key);
                json.append(':');
                value(json, entry.getValue());
            }
            json.append('}');
        } else {
            object(json, value);
        }
    }

    private static void object(StringBuilder json, Object record) throws Unsupported {
        Property[] properties = PROPERTIES.get(record.getClass());
        if (properties == NOT_A_PLAIN_RECORD) {
            throw new Unsupported();
        }
        json.append('{');
        boolean first = true;
        for (Property property : properties) {
            Object value;
            try {
                value = (Object) property.accessor().invokeExact(record);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (value != null) {
                json.append(first ? "" : ",").append(property.prefix());
                first = false;
                value(json, value);
            }
        }
        json.append('}');
    }

    /** As JSON-P escapes: quote, backslash and control characters; everything else as it is. */
    private static void string(StringBuilder json, String s) {
        json.append('"');
        int first = 0;
        while (first < s.length() && !escaped(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            // Nearly every string: copied whole (appending a range goes character by character).
            json.append(s).append('"');
            return;
        }
        int start = 0;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escaped(c)) {
                json.append(s, start, i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\b' -> json.append("\\b");
                    case '\f' -> json.append("\\f");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> json.append(String.format("\\u%04x", (int) c));
                }
                start = i + 1;
            }
        }
        json.append(s, start, s.length()).append('"');
    }

    private static boolean escaped(char c) {
        return c == '"' || c == '\\' || c < 0x20;
    }

    /** A record's components in JSON-B's order, or {@link #NOT_A_PLAIN_RECORD} when JSON-B would write it otherwise. */
    private static Property[] properties(Class<?> type) {
        if (!type.isRecord() || jsonbAnnotated(type) || hasBeanGetters(type)) {
            return NOT_A_PLAIN_RECORD;
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        RecordComponent[] components = type.getRecordComponents();
        Property[] properties = new Property[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (jsonbAnnotated(component) || jsonbAnnotated(component.getAccessor())) {
                return NOT_A_PLAIN_RECORD;
            }
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                String name = snakeCase(component.getName());
                properties[i] = new Property(name, "\"" + name + "\":",
                        lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return NOT_A_PLAIN_RECORD;
            }
        }
        Arrays.sort(properties, Comparator.comparing(Property::name));
        return properties;
    }

    private static boolean jsonbAnnotated(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().startsWith("jakarta.json.bind."));
    }

    /** JSON-B also writes a record's {@code getX()} and {@code isX()} methods (other than its accessors) as properties. */
    private static boolean hasBeanGetters(Class<?> type) {
        Set<Method> accessors = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                .collect(Collectors.toSet());
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                && !accessors.contains(m) && (m.getName().startsWith("get") || m.getName().startsWith("is")));
    }

    /** JSON-B's LOWER_CASE_WITH_UNDERSCORES: an underscore before each capital, which is lowered. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && snake.charAt(snake.length() - 1) != '_') {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
