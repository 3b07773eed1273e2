// Saves each answer of a burden questionnaire as soon as it is chosen, so
// closing the page or a session time-out loses nothing. Without JavaScript the
// form's buttons still save everything. Requests go one at a time, in order,
// so the last choice for a question is the one that is stored.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-autosave-url");
  var status = form.querySelector("[data-save-status]");
  var tokenField = form.querySelector("input[name=csrfmiddlewaretoken]");
  var queue = Promise.resolve();

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function send(item, value) {
    var body = new URLSearchParams();
    body.append("item", item);
    body.append("value", value);
    body.append("csrfmiddlewaretoken", tokenField ? tokenField.value : "");
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": tokenField ? tokenField.value : "" }
    }).then(function (response) {
      if (response.status === 204) {
        say(form.getAttribute("data-saved-text"));
      } else {
        say(form.getAttribute("data-failed-text"));
      }
    }, function () {
      say(form.getAttribute("data-failed-text"));
    });
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "radio" || !input.checked) {
      return;
    }
    var fieldset = input.closest("fieldset");
    if (fieldset) {
      fieldset.classList.remove("burden-item-error");
    }
    queue = queue.then(function () {
      return send(input.name, input.value);
    });
  });
}());
