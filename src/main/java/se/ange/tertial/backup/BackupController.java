package se.ange.tertial.backup;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;

/** {@code POST /api/admin/backup} (admin): an online backup of the embedded H2 database; answers where it is. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/admin/backup")
@Secured("ADMIN")
class BackupController {

    @Serdeable
    record BackupJson(String file, long bytes, Instant createdAt) {
    }

    private final H2Backup backup;

    BackupController(H2Backup backup) {
        this.backup = backup;
    }

    @Post
    HttpResponse<BackupJson> take(Authentication authentication) {
        H2Backup.Taken taken = backup.take(Caller.of(authentication).actor(Channel.API));
        return HttpResponse.created(new BackupJson(taken.file().toString(), taken.bytes(), taken.at()));
    }
}
