package cvjob

import (
	"encoding/json"
	"time"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// Result is the contract's response of /api/analyze-structured (plus
// analysis_id and analyzer), also sent as the last message on cv:<id>.
type Result struct {
	Summary        string          `json:"summary"`
	Status         string          `json:"status"`
	StructuredCV   json.RawMessage `json:"structured_cv"`
	OriginalFile   string          `json:"original_file"`
	FileInfo       json.RawMessage `json:"file_info"`
	GeminiAnalysis GeminiAnalysis  `json:"gemini_analysis"`
	AnalysisID     string          `json:"analysis_id,omitempty"` // none for anonymous analyses
	Analyzer       string          `json:"analyzer"`
}

// GeminiAnalysis holds the analysis under the name the frontend reads; its
// analyzer field says whether Gemini or the offline analyzer wrote it.
type GeminiAnalysis struct {
	Status   string          `json:"status"`
	Analysis json.RawMessage `json:"analysis"`
	Analyzer string          `json:"analyzer"`
	Message  string          `json:"message,omitempty"`
}

// BuildResult shapes a finished analysis for the client.
func BuildResult(a Analysis) Result {
	var head struct {
		Analyzer string `json:"analyzer"`
		General  struct {
			Summary string `json:"summary"`
		} `json:"general"`
	}
	_ = json.Unmarshal(a.Analysis, &head)
	var info struct {
		Filename string `json:"filename"`
	}
	_ = json.Unmarshal(a.FileInfo, &info)
	fileInfo := a.FileInfo
	if len(fileInfo) == 0 {
		fileInfo = json.RawMessage(`{"type":"text"}`)
	}
	r := Result{
		Summary: head.General.Summary, Status: "success", StructuredCV: a.StructuredCV,
		OriginalFile: info.Filename, FileInfo: fileInfo, AnalysisID: a.ID, Analyzer: head.Analyzer,
		GeminiAnalysis: GeminiAnalysis{Status: "success", Analysis: currentShape(a.Analysis), Analyzer: head.Analyzer},
	}
	if a.UseGemini && head.Analyzer != "gemini" {
		r.GeminiAnalysis.Message = "Gemini was not available; this analysis was written by the offline analyzer."
	}
	if !a.UseGemini {
		r.GeminiAnalysis.Message = "Offline analysis (Gemini was not requested)."
	}
	return r
}

// currentShape rewrites a stored analysis in the current shape: the
// frontend's fields filled and fieldPath as an array, also for analyses
// stored before either existed. An undecodable one is passed as stored.
func currentShape(stored json.RawMessage) json.RawMessage {
	var an cv.Analysis
	if len(stored) == 0 || json.Unmarshal(stored, &an) != nil {
		return stored
	}
	an.FillDerived()
	b, err := json.Marshal(an)
	if err != nil {
		return stored
	}
	return b
}

// Status is the contract's GET /api/analyses/{id}: progress for pollers.
type Status struct {
	ID        string           `json:"id"`
	Status    string           `json:"status"`
	Stage     string           `json:"stage"`
	Percent   int              `json:"percent"`
	Error     *EventError      `json:"error,omitempty"`
	Result    *Result          `json:"result,omitempty"`
	Timings   map[string]int64 `json:"timings,omitempty"`
	CreatedAt time.Time        `json:"created_at"`
	File      json.RawMessage  `json:"file_info,omitempty"`
}

// StatusOf shapes an analysis for pollers; withResult adds the result when done.
func StatusOf(a Analysis, withResult bool) Status {
	st := Status{ID: a.ID, Status: a.Status, Stage: a.Stage, Percent: a.Percent, Timings: a.Timings,
		CreatedAt: a.CreatedAt, File: a.FileInfo}
	if a.ErrorCode != nil {
		st.Error = &EventError{Code: *a.ErrorCode}
		if a.Error != nil {
			st.Error.Message = *a.Error
		}
	}
	if withResult && a.Status == "done" {
		r := BuildResult(a)
		st.Result = &r
	}
	return st
}
