CREATE TABLE IF NOT EXISTS in_out_record (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id   VARCHAR(32),
    gate_id     VARCHAR(32),
    direction   VARCHAR(3),
    temperature DECIMAL(4,1),
    created_at  DATETIME(3),
    INDEX idx_gate_created (gate_id, created_at)
) ENGINE=InnoDB;
