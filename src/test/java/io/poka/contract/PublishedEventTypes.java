package io.poka.contract;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.poka.platform.QualityEvents;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The quality event types the compiled code can publish, found from the bytecode rather than a hand-kept list: the
 * classes that call {@link QualityEvents#publish} or {@link QualityEvents#publishOnce} (ArchUnit), the past-tense
 * names among their string constants, and,
 * for a publisher that names events by {@code getClass().getSimpleName()}, the public event records it constructs.
 */
public final class PublishedEventTypes {
    /** Event names are past tense (QualityEvents javadoc): CamelCase ending in -ed or an irregular participle. */
    static final Pattern EVENT_NAME = Pattern.compile("^(?=(?:[A-Z][a-z0-9]+){2,}$).*(?:ed|Held|Sent|Built|Lost|Made|Run|Set|Done)$");

    private PublishedEventTypes() {
    }

    /** Classes of the application that call QualityEvents.publish or publishOnce. */
    public static Set<JavaClass> publishers(JavaClasses classes) {
        Set<JavaClass> publishers = new java.util.TreeSet<>(java.util.Comparator.comparing(JavaClass::getName));
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isEquivalentTo(QualityEvents.class)
                        && (call.getName().equals("publish") || call.getName().equals("publishOnce"))) {
                    publishers.add(c);
                }
            }
        }
        return publishers;
    }

    public static Set<String> find() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.poka");
        Set<String> types = new TreeSet<>();
        for (JavaClass publisher : publishers(classes)) {
            stringConstants(publisher.getName()).stream().filter(s -> EVENT_NAME.matcher(s).matches()).forEach(types::add);
            boolean namesByClass = publisher.getMethodCallsFromSelf().stream()
                    .anyMatch(c -> c.getTargetOwner().isEquivalentTo(Class.class) && c.getName().equals("getSimpleName"));
            if (namesByClass) {
                publisher.getConstructorCallsFromSelf().stream().map(c -> c.getTargetOwner())
                        .filter(t -> t.isRecord() && t.isTopLevelClass() && t.getPackageName().equals(moduleRoot(publisher)))
                        .map(JavaClass::getSimpleName).filter(s -> EVENT_NAME.matcher(s).matches()).forEach(types::add);
            }
        }
        return types;
    }

    /** io.poka.lots for io.poka.lots.internal.LotService: the package of the module's public records. */
    private static String moduleRoot(JavaClass publisher) {
        return publisher.getPackageName().replaceFirst("^(io\\.poka\\.[a-z]+).*$", "$1");
    }

    /** The CONSTANT_String entries of a compiled class (JVMS 4.4). */
    static List<String> stringConstants(String className) {
        try (InputStream in = PublishedEventTypes.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class");
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    default -> throw new IllegalStateException("Unknown constant pool tag " + tag + " in " + className);
                }
            }
            return strings.stream().map(i -> utf8[i]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
