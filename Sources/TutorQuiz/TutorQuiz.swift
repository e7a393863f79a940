import TutorCore
import NetSim

/// Grading, quiz sessions and the FSRS scheduler live here (quiz issue). The target exists now so
/// the dependency arrows of DESIGN §2 hold from the start; it has no behaviour yet.
public enum TutorQuiz {}
