package com.cci.sim;

/** One simulated agent: skills, channel concurrency and what it is doing now. */
final class Agent {
  final int index;
  final String username;
  final String firstName;
  final String arn;
  final int group;
  final String routingProfile;
  final String routingProfileArn;

  /** Queue indices grouped by priority level, highest priority first. */
  final int[][] queuesByPriority;

  final int voiceConcurrency;
  final int chatConcurrency;

  boolean onShift;
  boolean removed;
  int voice;
  int chat;
  long availableSinceMs;

  Agent(
      int index,
      String username,
      String firstName,
      String arn,
      int group,
      String routingProfile,
      String routingProfileArn,
      int[][] queuesByPriority,
      int voiceConcurrency,
      int chatConcurrency) {
    this.index = index;
    this.username = username;
    this.firstName = firstName;
    this.arn = arn;
    this.group = group;
    this.routingProfile = routingProfile;
    this.routingProfileArn = routingProfileArn;
    this.queuesByPriority = queuesByPriority;
    this.voiceConcurrency = voiceConcurrency;
    this.chatConcurrency = chatConcurrency;
  }

  boolean loggedIn() {
    return onShift && !removed;
  }

  int load() {
    return voice + chat;
  }

  /** Voice needs the agent free of all contacts; chats share the agent up to its concurrency. */
  boolean canTake(boolean isVoice) {
    if (!loggedIn()) {
      return false;
    }
    return isVoice ? voice < voiceConcurrency && chat == 0 : voice == 0 && chat < chatConcurrency;
  }

  boolean serves(int queue) {
    for (int[] level : queuesByPriority) {
      for (int q : level) {
        if (q == queue) {
          return true;
        }
      }
    }
    return false;
  }
}
