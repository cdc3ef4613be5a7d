package cn.mee.liaison.bot.security;

import cn.mee.liaison.storage.user.ConsoleRole;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking, and what of the records they may see: a unit coordinator sees only the own unit's groups and
 * records; everybody else sees all.
 */
public record Viewer(String username, ConsoleRole role, Long unitId) {

    public static Viewer current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no console user is logged in");
        }
        if (auth.getPrincipal() instanceof ConsoleUserPrincipal user) {
            return new Viewer(user.getUsername(), user.role(), user.unitId());
        }
        // another kind of login (a test user, a future single sign-on): the role from its authorities, no unit
        ConsoleRole role = auth.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .flatMap(name -> java.util.Arrays.stream(ConsoleRole.values()).filter(r -> r.name().equals(name)))
                .findFirst().orElse(ConsoleRole.VIEWER);
        return new Viewer(auth.getName(), role, null);
    }

    /** The units whose records this viewer may see; null means all. */
    public List<Long> unitScope() {
        if (role != ConsoleRole.UNIT_COORDINATOR) {
            return null;
        }
        return unitId == null ? List.of() : List.of(unitId);
    }

    public boolean seesUnit(Long unit) {
        List<Long> scope = unitScope();
        return scope == null || (unit != null && scope.contains(unit));
    }

    public boolean mayExport() {
        return role != ConsoleRole.VIEWER;
    }

    public boolean isBureau() {
        return role == ConsoleRole.BUREAU_ADMIN || role == ConsoleRole.BUREAU_STAFF;
    }
}
