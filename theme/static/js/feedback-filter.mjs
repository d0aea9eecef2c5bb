// In-page filtering of "You said, we did" comments by topic and action.
// The page works without this: every topic and action has its own page.
const list = document.querySelector('[data-module="app-feedback-list"]')
const template = document.getElementById('app-feedback-filter')

if (list && template) {
  const form = template.content.querySelector('form').cloneNode(true)
  template.replaceWith(form)
  const status = form.querySelector('[role="status"]')
  const items = Array.from(list.querySelectorAll('.app-feedback-item'))
  const years = Array.from(list.querySelectorAll('.app-feedback-year'))

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const topic = form.elements.topic.value
    const action = form.elements.status.value
    let shown = 0
    for (const item of items) {
      const matches = (!topic || item.dataset.topic === topic) && (!action || item.dataset.status === action)
      item.hidden = !matches
      shown += matches ? 1 : 0
    }
    // A year with nothing left to show would leave a heading over nothing.
    for (const year of years) {
      year.hidden = !year.querySelector('.app-feedback-item:not([hidden])')
    }
    status.textContent = shown === items.length
      ? `Showing all ${items.length} comments`
      : `Showing ${shown} of ${items.length} comments`
  })
}
