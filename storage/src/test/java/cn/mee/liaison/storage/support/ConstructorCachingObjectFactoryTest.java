package cn.mee.liaison.storage.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;
import org.junit.jupiter.api.Test;

/** The factory makes what MyBatis' own makes, and fails where it fails, in its words. */
class ConstructorCachingObjectFactoryTest {

    record Row(LocalDate day, long group, boolean late, String text) {
    }

    static final class Hidden {
        private final int value;

        private Hidden(int value) {
            this.value = value;
        }
    }

    static final class Failing {
        static int calls;

        Failing(String reason) {
            calls++;
            throw new IllegalStateException(reason);
        }
    }

    private final ConstructorCachingObjectFactory factory = new ConstructorCachingObjectFactory();
    private final DefaultObjectFactory mybatis = new DefaultObjectFactory();

    @Test
    void aRecordIsMadeByItsConstructorEveryTimeAlike() {
        List<Class<?>> types = List.of(LocalDate.class, long.class, boolean.class, String.class);
        for (int i = 0; i < 3; i++) {
            List<Object> values = List.of(LocalDate.of(2026, 11, 30), (long) i, i % 2 == 0, "第" + i + "行");
            Row made = factory.create(Row.class, new ArrayList<>(types), new ArrayList<>(values));
            assertThat(made).isEqualTo(mybatis.create(Row.class, types, values))
                    .isEqualTo(new Row(LocalDate.of(2026, 11, 30), i, i % 2 == 0, "第" + i + "行"));
        }
    }

    @Test
    void privateConstructorsAndCollectionsAsMyBatisMakesThem() {
        assertThat(factory.create(Hidden.class, List.of(int.class), List.of(7)).value).isEqualTo(7);
        assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class).isEmpty();
        assertThat(factory.create(Map.class)).isInstanceOf(mybatis.create(Map.class).getClass());
        assertThat(factory.create(Set.class)).isInstanceOf(mybatis.create(Set.class).getClass());
    }

    @Test
    void whatCannotBeMadeFailsWithMyBatisOwnMessage() {
        assertThatThrownBy(() -> factory.create(Row.class, List.of(String.class), List.of("x")))
                .isInstanceOf(ReflectionException.class)
                .hasMessageContaining("Error instantiating class").hasMessageContaining("Row");
        assertThatThrownBy(() -> factory.create(Failing.class, List.of(String.class), List.of("无法创建")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("无法创建")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(Failing.calls).as("called once").isEqualTo(1);
        assertThatThrownBy(() -> factory.create(Row.class, List.of(LocalDate.class, long.class, boolean.class,
                String.class), List.of("not a day", 1L, true, "x")))
                .isInstanceOf(ReflectionException.class);
    }
}
