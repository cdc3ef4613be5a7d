package cn.mee.liaison.storage.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * MyBatis' object factory, with each class's constructor looked up once instead of once per row. MyBatis' own asks
 * {@code Class.getDeclaredConstructor} for every object it makes, which copies the class's constructors each time:
 * for the rows a range of reports or a page of messages maps, most of the mapping's cost. The objects made are the
 * same; a constructor that cannot be found is left to MyBatis' own factory, for its error, and one that fails is
 * reported in the words MyBatis uses (without calling it a second time).
 */
public class ConstructorCachingObjectFactory extends DefaultObjectFactory {

    private static final long serialVersionUID = 1L;

    /** Per class to make, per list of argument types (the empty list for none): its constructor, accessible. */
    private final transient Map<Class<?>, Map<List<Class<?>>, Constructor<?>>> constructors =
            new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
        boolean noArguments = constructorArgTypes == null || constructorArgs == null;
        Constructor<?> constructor = constructorOf(resolveInterface(type),
                noArguments ? List.of() : constructorArgTypes);
        if (constructor != null) {
            try {
                Object made = noArguments ? constructor.newInstance()
                        : constructor.newInstance(constructorArgs.toArray());
                return type.cast(made);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                     | IllegalArgumentException | ClassCastException e) {
                Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
                throw new ReflectionException("Error instantiating " + type + " with invalid types ("
                        + (noArguments ? "" : constructorArgTypes) + ") or values (" + (noArguments ? ""
                        : constructorArgs) + "). Cause: " + cause, cause);
            }
        }
        return super.create(type, constructorArgTypes, constructorArgs);
    }

    private Constructor<?> constructorOf(Class<?> type, List<Class<?>> argumentTypes) {
        Map<List<Class<?>>, Constructor<?>> ofType = constructors.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        Constructor<?> known = ofType.get(argumentTypes);
        if (known != null) {
            return known;
        }
        try {
            Constructor<?> found = type.getDeclaredConstructor(argumentTypes.toArray(Class<?>[]::new));
            if (!found.canAccess(null)) {
                found.setAccessible(true);
            }
            ofType.putIfAbsent(List.copyOf(argumentTypes), found);
            return found;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null; // MyBatis' own factory reports it
        }
    }
}
