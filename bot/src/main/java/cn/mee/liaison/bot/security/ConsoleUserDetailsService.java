package cn.mee.liaison.bot.security;

import cn.mee.liaison.storage.user.ConsoleUserMapper;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class ConsoleUserDetailsService implements UserDetailsService {

    private final ConsoleUserMapper users;

    ConsoleUserDetailsService(ConsoleUserMapper users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(ConsoleUserPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such console user"));
    }
}
