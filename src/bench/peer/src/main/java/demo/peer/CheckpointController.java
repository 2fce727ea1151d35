package demo.peer;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;

/** The whole "checkpoint": store the in/out row and echo it. No auth, no checks. */
@RestController
public class CheckpointController {

    private final InOutRecordMapper mapper;

    public CheckpointController(InOutRecordMapper mapper) {
        this.mapper = mapper;
    }

    @PostMapping("/api/checkpoint")
    public InOutRecord checkpoint(@RequestBody InOutRecord record) {
        record.setId(null);
        record.setCreatedAt(LocalDateTime.now());
        mapper.insert(record);
        return record;
    }
}
