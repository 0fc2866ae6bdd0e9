package cvjob

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvparse"
	"github.com/utopiahire/utopiahire/internal/extract"
)

// jobTimeout bounds one run; extraction has its own tighter per-tool limits.
const jobTimeout = 90 * time.Second

// geminiTimeout bounds the Gemini analysis within a run, leaving the
// offline analyzer time to answer when Gemini is slow or down.
const geminiTimeout = 60 * time.Second

type worker struct {
	river.WorkerDefaults[Args]
	svc *Service
}

func (w *worker) Timeout(*river.Job[Args]) time.Duration { return jobTimeout }

// Work runs the pipeline. A failure of the document itself is recorded and
// not retried; anything else is retried by River, and recorded on the last try.
func (w *worker) Work(ctx context.Context, job *river.Job[Args]) error {
	s := w.svc
	id := job.Args.AnalysisID
	defer s.waiters.wake(id)
	a, err := s.cvs.AnalysisForJob(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) {
		return river.JobCancel(fmt.Errorf("analysis %s is gone (account deleted?)", id))
	}
	if err != nil {
		return err
	}
	if a.Status == "done" || a.Status == "failed" {
		return nil
	}
	err = s.run(ctx, a)
	if err == nil {
		return nil
	}
	var xe *extract.Error
	// A busy extractor says nothing about the document: River retries.
	final := errors.As(err, &xe) && xe.Code != extract.CodeBusy || job.Attempt >= job.MaxAttempts || errors.Is(err, context.DeadlineExceeded)
	if !final {
		s.logger.Warn("cv analysis attempt failed; will retry", "analysis_id", id, "attempt", job.Attempt, "err", err)
		return err
	}
	code, msg := errorCode(err)
	s.logger.Info("cv analysis failed", "analysis_id", id, "code", code, "err", err)
	if ferr := s.cvs.Fail(context.WithoutCancel(ctx), id, code, msg); ferr != nil {
		return ferr
	}
	s.publish(ctx, id, Event{Type: "failed", AnalysisID: id, Stage: StageFailed, Error: &EventError{Code: code, Message: msg}})
	return river.JobCancel(err)
}

// run executes every stage of a and stores the result.
func (s *Service) run(ctx context.Context, a Analysis) error {
	start := time.Now()
	timings := map[string]int64{}
	stage := func(name string, from time.Time) error {
		ms := time.Since(from).Milliseconds()
		timings[name+"_ms"] = ms
		if err := s.cvs.Progress(ctx, a.ID, name, stagePercent[name], ms); err != nil {
			return err
		}
		s.publish(ctx, a.ID, progressEvent(a.ID, name, time.Since(start)))
		return nil
	}

	t := time.Now()
	doc, err := s.document(ctx, a, func(st string) {
		if st == extract.StageOCR {
			if err := stage(StageOCR, t); err != nil {
				s.logger.Warn("record ocr stage", "analysis_id", a.ID, "err", err)
			}
		}
	})
	if err != nil {
		return err
	}
	if err := stage(StageExtracted, t); err != nil {
		return err
	}

	t = time.Now()
	structured, unread := cvparse.ParseUnread(doc)
	if err := stage(StageStructured, t); err != nil {
		return err
	}

	t = time.Now()
	analysis, err := s.analyze(ctx, a.ID, a.UseGemini, a.JobDescription, structured, doc.Text, unread)
	if err != nil {
		return err
	}
	if err := stage(StageAnalyzed, t); err != nil {
		return err
	}

	timings["total_ms"] = time.Since(start).Milliseconds()
	a.ExtractedText = &doc.Text
	a.Timings = timings
	if a.StructuredCV, err = json.Marshal(structured); err != nil {
		return err
	}
	if a.Analysis, err = json.Marshal(analysis); err != nil {
		return err
	}
	if err := s.cvs.Complete(ctx, a); err != nil {
		return err
	}
	done, err := s.cvs.AnalysisForJob(ctx, a.ID)
	if err != nil {
		return err
	}
	result, err := json.Marshal(BuildResult(done))
	if err != nil {
		return err
	}
	s.publish(ctx, a.ID, Event{Type: "done", AnalysisID: a.ID, Stage: StageDone, Percent: 100,
		ElapsedMS: time.Since(start).Milliseconds(), Result: result})
	s.logger.Info("cv analysis done", "analysis_id", a.ID, "analyzer", analysis.Analyzer, "duration_ms", timings["total_ms"])
	return nil
}

func (s *Service) document(ctx context.Context, a Analysis, progress extract.Progress) (extract.Document, error) {
	if a.CVFileID == nil {
		if a.InputText == nil {
			return extract.Document{}, &extract.Error{Code: extract.CodeEmptyFile, Message: "The CV is empty."}
		}
		return extract.PlainText(*a.InputText), nil
	}
	f, err := s.cvs.File(ctx, a.UserID, *a.CVFileID)
	if errors.Is(err, apperr.ErrNotFound) {
		return extract.Document{}, &extract.Error{Code: "file_gone", Message: "The uploaded CV file no longer exists."}
	}
	if err != nil {
		return extract.Document{}, err
	}
	return s.fileDocument(ctx, f, progress)
}

// fileDocument is the extraction of a stored file: the one stored with it,
// or, for a file stored without one (uploaded before extractions were kept,
// or whose first analysis failed), one extraction, stored for the next
// reader (an OCR takes seconds).
func (s *Service) fileDocument(ctx context.Context, f cv.File, progress extract.Progress) (extract.Document, error) {
	if f.Extracted != nil {
		var doc extract.Document
		if err := json.Unmarshal(f.Extracted, &doc); err == nil && len(doc.Lines) > 0 {
			return doc, nil
		}
	}
	doc, err := s.extractor.TextProgress(ctx, f.Content, progress)
	if err != nil {
		return extract.Document{}, err
	}
	if raw, err := json.Marshal(doc); err == nil {
		if err := s.cvs.SetExtracted(ctx, f.ID, raw); err != nil {
			s.logger.Warn("store cv file extraction", "cv_file_id", f.ID, "err", err)
		}
	}
	return doc, nil
}

// FileText returns the text of one of the user's stored CV files without
// reading the file again when its extraction is stored (see fileDocument);
// apperr.ErrNotFound when the user has no such file, *extract.Error when a
// file stored without extraction cannot be read.
func (s *Service) FileText(ctx context.Context, userID, fileID string) (string, error) {
	f, err := s.cvs.File(ctx, userID, fileID)
	if err != nil {
		return "", err
	}
	doc, err := s.fileDocument(ctx, f, nil)
	if err != nil {
		return "", err
	}
	return doc.Text, nil
}

// analyze uses Gemini when asked for and configured, and the offline
// analyzer otherwise or when Gemini fails (the result says which ran).
func (s *Service) analyze(ctx context.Context, id string, useGemini bool, jobDescription string, c cv.StructuredCV, text string, unread []cv.UnreadPart) (cv.Analysis, error) {
	if useGemini && s.gemini != nil {
		gctx, cancel := context.WithTimeout(ctx, geminiTimeout)
		res, err := s.gemini.Analyze(gctx, c, text, jobDescription, unread...)
		cancel()
		if err == nil {
			return res, nil
		}
		s.logger.Warn("gemini analysis failed; using the offline analyzer", "analysis_id", id, "err", err)
	}
	return s.offline.Analyze(ctx, c, text, jobDescription, unread...)
}

// AnalyzeStateless runs the whole pipeline within the request, for a client
// without an account (contract, "Anonymous use"): nothing is stored and
// nothing is published, so the result has no analysis_id. Document
// refusals are *extract.Error, as for stored analyses.
func (s *Service) AnalyzeStateless(ctx context.Context, in Input) (Result, error) {
	ctx, cancel := context.WithTimeout(ctx, jobTimeout)
	defer cancel()
	a := Analysis{JobDescription: in.JobDescription, UseGemini: in.UseGemini}
	var doc extract.Document
	if in.File != nil {
		kind, err := extract.Detect(in.File)
		if err != nil {
			return Result{}, err
		}
		if doc, err = s.extractor.TextProgress(ctx, in.File, nil); err != nil {
			return Result{}, err
		}
		sum := sha256.Sum256(in.File)
		a.FileInfo, _ = json.Marshal(FileInfo{Filename: in.Filename, Size: len(in.File), Type: string(kind),
			MediaType: kind.MediaType(), SHA256: fmt.Sprintf("%x", sum)})
	} else {
		doc = extract.PlainText(in.Text)
		if strings.TrimSpace(doc.Text) == "" {
			return Result{}, &extract.Error{Code: extract.CodeEmptyFile, Message: "The CV is empty."}
		}
	}
	structured, unread := cvparse.ParseUnread(doc)
	analysis, err := s.analyze(ctx, "", in.UseGemini, in.JobDescription, structured, doc.Text, unread)
	if err != nil {
		return Result{}, err
	}
	if a.StructuredCV, err = json.Marshal(structured); err != nil {
		return Result{}, err
	}
	if a.Analysis, err = json.Marshal(analysis); err != nil {
		return Result{}, err
	}
	return BuildResult(a), nil
}
