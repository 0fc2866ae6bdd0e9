package interview

import "context"

// The tests of package interview_test run the Service over the real store,
// which imports this package; these give them the internals they drive.

// RoomPrefix starts every interview's LiveKit room name.
const RoomPrefix = roomPrefix

// CreateForTest inserts an interview as start-session does, without its
// checks and credentials.
func (s *Service) CreateForTest(ctx context.Context, n NewInterview) (Interview, error) {
	return s.create(ctx, n)
}

// OfferForTest offers a waiting interview to the agent workers.
func (s *Service) OfferForTest(ctx context.Context, iv Interview) { s.offer(ctx, iv) }

// ConfigForTest is the configuration the Service runs with, defaults applied.
func (s *Service) ConfigForTest() Config { return s.cfg }

// AttachCVForTest fills n's CV from the one start-session names in in.
func (s *Service) AttachCVForTest(ctx context.Context, userID string, in StartInput, n *NewInterview) error {
	return s.attachCV(ctx, userID, in, n)
}
