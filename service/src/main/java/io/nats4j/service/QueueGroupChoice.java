package io.nats4j.service;

/** Inherit the queue group from the level above, use this one, or none (package-private). */
record QueueGroupChoice(String name, boolean none) {
  static final QueueGroupChoice INHERIT = new QueueGroupChoice(null, false);
  static final QueueGroupChoice NONE = new QueueGroupChoice(null, true);

  static QueueGroupChoice of(String name) {
    return new QueueGroupChoice(name, false);
  }

  boolean inherits() {
    return name == null && !none;
  }

  /** The first choice that does not inherit, as a queue group name (null for none). */
  static String resolve(QueueGroupChoice... levels) {
    for (QueueGroupChoice level : levels) {
      if (!level.inherits()) {
        return level.none ? null : level.name;
      }
    }
    return Service.DEFAULT_QUEUE_GROUP;
  }
}
