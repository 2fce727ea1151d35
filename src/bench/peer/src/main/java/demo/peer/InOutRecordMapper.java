package demo.peer;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

public interface InOutRecordMapper extends BaseMapper<InOutRecord> {
}
